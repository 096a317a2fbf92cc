using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Pipeline.Inference.Regions;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Tests.Inference.Regions;

public class PredictedRegionsTests
{
    // 4 x 3 cells of 100 pixels on a 350 x 300 slide: the right column is 50 pixels wide.
    private static readonly float[] Probabilities =
    [
        0.9f, 0.6f, 0.1f, 0.0f,
        0.2f, 0.5f, 0.0f, 0.8f,
        0.0f, 0.0f, 0.0f, 0.7f,
    ];

    [Fact]
    public void RegionsAreOutlinedInLevelZeroPixelsWithTheirProbabilitiesAndArea()
    {
        var regions = PredictedRegions.Find(Probabilities, new GridSize(4, 3), 100, new SlideExtent(350, 300), 0.5, new MicronsPerPixel(0.25, 0.5, "test"));

        Assert.Equal(2, regions.Count);
        Assert.Equal([new(200, 0), new(200, 200), new(100, 200), new(100, 100), new(0, 100), new(0, 0)], regions[0].Outline.Points);
        Assert.Equal(3, regions[0].Cells);
        Assert.Equal(0.9, regions[0].MaxProbability, 6);
        Assert.Equal((0.9 + 0.6 + 0.5) / 3, regions[0].MeanProbability, 6);
        Assert.Equal(30_000 * 0.25 * 0.5, regions[0].AreaMicrons2);

        Assert.Equal([new(350, 100), new(350, 300), new(300, 300), new(300, 100)], regions[1].Outline.Points);
        Assert.Equal(0.75, regions[1].MeanProbability, 6);
        Assert.Equal(50 * 200 * 0.125, regions[1].AreaMicrons2);
    }

    [Fact]
    public void AHigherThresholdKeepsFewerCellsAndNoMppMeansNoArea()
    {
        var region = Assert.Single(PredictedRegions.Find(Probabilities, new GridSize(4, 3), 100, new SlideExtent(350, 300), 0.85, null));
        Assert.Equal(1, region.Cells);
        Assert.Null(region.AreaMicrons2);
        Assert.DoesNotContain(region.ToFeature().Measurements, m => m.Key == "areaMicrons2");
    }

    [Fact]
    public void AHoleIsSubtractedFromTheArea()
    {
        var polygon = new Polygon([new(0, 0), new(30, 0), new(30, 30), new(0, 30)]) { Holes = [[new(10, 10), new(10, 20), new(20, 20), new(20, 10)]] };
        Assert.Equal(800, PredictedRegions.Area(polygon));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void AThresholdOutsideZeroToOneIsRefused(double threshold) =>
        Assert.Contains("the region threshold must be above 0 and at most 1",
            Assert.Throws<ArgumentOutOfRangeException>(() => PredictedRegions.Find(Probabilities, new GridSize(4, 3), 100, new SlideExtent(350, 300), threshold, null)).Message);

    [Fact]
    public void RegionsWrittenAsAsapXmlReadBackToTheSameCells()
    {
        using var temp = new TempDirectory();
        var mask = new[] { "#####.", "#...#.", "#.#.##", "#...#.", "#####." };
        var probabilities = mask.SelectMany(row => row.Select(c => c == '#' ? 0.8f : 0.1f)).ToArray();
        var regions = PredictedRegions.Find(probabilities, new GridSize(6, 5), 64, new SlideExtent(6 * 64 - 10, 5 * 64 - 3), 0.5, null);
        var path = temp.File("regions.xml");
        AsapXmlAnnotationWriter.Write(path, regions.Select(r => r.ToFeature()));

        var cells = AnnotationRasterizer.TumorCells(AsapAnnotationReader.Read(path), 6 * 64 - 10, 5 * 64 - 3, 64);

        Assert.Equal(mask, Grid.CellMasks.Draw(cells));
    }
}
