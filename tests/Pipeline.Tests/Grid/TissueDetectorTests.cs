using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Tests.Grid;

public class TissueDetectorTests
{
    private static RgbImage Thumbnail(params (int X, int Y, (byte, byte, byte) Colour)[] cells)
    {
        var image = RgbImage.Filled(4, 3, 240, 240, 240);
        foreach (var (x, y, colour) in cells) image[x, y] = colour;
        return image;
    }

    [Fact]
    public void StainedCellsOnGlassAreTissue()
    {
        var thumbnail = Thumbnail((1, 1, SlideBuilder.Eosin), (2, 1, (120, 70, 150)));
        Assert.Equal(["....", ".##.", "...."], CellMasks.Draw(TissueDetector.Detect(thumbnail, minArea: 1)));
    }

    [Fact]
    public void NearBlackAndNearWhiteCellsAreNotTissueHoweverSaturated()
    {
        var thumbnail = Thumbnail((0, 0, (10, 5, 5)), (1, 0, (221, 250, 250)), (3, 2, SlideBuilder.Eosin));
        Assert.Equal(["....", "....", "...#"], CellMasks.Draw(TissueDetector.Detect(thumbnail, minArea: 1)));
    }

    [Fact]
    public void ComponentsSmallerThanTheMinimumAreaAreDropped()
    {
        var thumbnail = Thumbnail((0, 0, SlideBuilder.Eosin), (1, 1, SlideBuilder.Eosin), (3, 2, SlideBuilder.Eosin));
        Assert.Equal(["#...", ".#..", "...."], CellMasks.Draw(TissueDetector.Detect(thumbnail, minArea: 2)));
    }

    [Fact]
    public void HistogramLeavesOutNearBlackPixels()
    {
        var histogram = TissueDetector.SaturationHistogram(Thumbnail((0, 0, (10, 5, 5)), (1, 0, SlideBuilder.Eosin)));
        Assert.Equal(10, histogram[0]);
        Assert.Equal(1, histogram[102]);
        Assert.Equal(11, histogram.Sum());
    }
}
