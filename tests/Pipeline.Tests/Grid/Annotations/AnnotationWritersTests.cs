using System.Text;
using System.Text.Json;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Grid.Annotations;

namespace TumorWeb.Pipeline.Tests.Grid.Annotations;

public class AnnotationWritersTests
{
    private static readonly PointD[] Outline = [new(0, 0), new(640, 0), new(640, 640), new(0, 640)];
    private static readonly PointD[] Hole = [new(128, 128), new(512, 128), new(512, 512), new(128, 512)];
    private static readonly PointD[] Island = [new(256, 256), new(384, 256), new(384, 384), new(256, 384)];

    /// <summary>A frame with a hole, an island in the hole, and an exclusion over one corner cell.</summary>
    private static readonly SlideAnnotations FrameAndIsland = new(
        [new Polygon(Outline) { Holes = [Hole] }, new Polygon(Island)],
        [new Polygon([new(0, 0), new(128, 0), new(128, 128), new(0, 128)])]);

    private static readonly string[] FrameAndIslandCells = [".####", "#...#", "#.#.#", "#...#", "#####"];

    private static string Cells(SlideAnnotations annotations) =>
        string.Join("/", CellMasks.Draw(AnnotationRasterizer.TumorCells(annotations, 640, 640, 128)));

    [Fact]
    public void TheTestShapesRasteriseAsDrawn() =>
        Assert.Equal(string.Join("/", FrameAndIslandCells), Cells(FrameAndIsland));

    [Fact]
    public void GeoJsonRoundTripsThroughTheReaderToTheSameCells()
    {
        using var temp = new TempDirectory();
        var path = temp.File("out.geojson");
        GeoJsonAnnotationWriter.Write(path, AnnotationFeature.Of(FrameAndIsland));

        var read = GeoJsonAnnotationReader.Read(path, new SlideExtent(640, 640));

        Assert.Equal(2, read.Tumor.Count);
        Assert.Single(read.Tumor[0].Holes);
        Assert.Equal(Cells(FrameAndIsland), Cells(read));
    }

    [Fact]
    public void AsapXmlRoundTripsThroughTheAppsAsapReaderToTheSameCellsEvenWithAnIslandInAHole()
    {
        using var temp = new TempDirectory();
        var path = temp.File("out.xml");
        AsapXmlAnnotationWriter.Write(path, AnnotationFeature.Of(FrameAndIsland));

        var read = AsapAnnotationReader.Read(path);

        Assert.Equal(2, read.Tumor.Count);
        Assert.Single(read.Exclusion);
        Assert.Equal(Cells(FrameAndIsland), Cells(read));
    }

    [Fact]
    public void AHoleIsSplicedInThroughAHorizontalAndAVerticalCut()
    {
        var ring = AsapXmlAnnotationWriter.SingleRing(new Polygon(Outline) { Holes = [Hole] });
        Assert.Equal([
            new(0, 0), new(640, 0), new(640, 640), new(0, 640),
            new(0, 0), new(128, 0), new(128, 128), new(512, 128), new(512, 512), new(128, 512), new(128, 128), new(128, 0),
        ], ring);
    }

    [Fact]
    public void GeoJsonFeaturesHaveQuPathsShapeAndMeasurements()
    {
        using var stream = new MemoryStream();
        GeoJsonAnnotationWriter.Write(stream, [
            new AnnotationFeature(new Polygon(Island), AnnotationRole.Tumor)
            {
                Measurements = [new FeatureMeasurement("maxProbability", "Max probability", 0.75)],
            },
        ]);

        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Equal("FeatureCollection", json.RootElement.GetProperty("type").GetString());
        var feature = json.RootElement.GetProperty("features")[0];
        Assert.Equal("Feature", feature.GetProperty("type").GetString());
        Assert.Equal("Polygon", feature.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal("[[[256,256],[384,256],[384,384],[256,384],[256,256]]]",
            feature.GetProperty("geometry").GetProperty("coordinates").GetRawText());
        var properties = feature.GetProperty("properties");
        Assert.Equal("annotation", properties.GetProperty("objectType").GetString());
        Assert.Equal("Tumor", properties.GetProperty("classification").GetProperty("name").GetString());
        Assert.Equal("[200,0,0]", properties.GetProperty("classification").GetProperty("color").GetRawText());
        Assert.Equal(0.75, properties.GetProperty("maxProbability").GetDouble());
        Assert.Equal(0.75, properties.GetProperty("measurements").GetProperty("Max probability").GetDouble());
    }

    [Fact]
    public void AFeaturesIdAndTextPropertiesAreWrittenOnlyWhenItHasThem()
    {
        using var stream = new MemoryStream();
        GeoJsonAnnotationWriter.Write(stream, [
            new AnnotationFeature(new Polygon(Island), AnnotationRole.Exclusion) { Id = "r-7", Texts = [new("author", "ana")] },
            new AnnotationFeature(new Polygon(Island), AnnotationRole.Tumor),
        ]);

        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
        var features = json.RootElement.GetProperty("features");
        Assert.Equal("r-7", features[0].GetProperty("id").GetString());
        Assert.Equal("ana", features[0].GetProperty("properties").GetProperty("author").GetString());
        Assert.Equal("Exclusion", features[0].GetProperty("properties").GetProperty("classification").GetProperty("name").GetString());
        Assert.False(features[1].TryGetProperty("id", out _));
        Assert.False(features[1].GetProperty("properties").TryGetProperty("author", out _));
    }
}
