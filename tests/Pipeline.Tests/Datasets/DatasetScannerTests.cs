using TumorWeb.Pipeline.Datasets;

namespace TumorWeb.Pipeline.Tests.Datasets;

public sealed class DatasetScannerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tumorweb-dataset-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Touch(params string[] names)
    {
        foreach (var name in names) File.WriteAllText(Path.Combine(_dir, name), "");
    }

    [Fact]
    public void PairsSlidesWithTheirMaskOrAnnotations()
    {
        Touch("tumor_001.tif", "tumor_001_mask.tif", "tumor_002.tif", "tumor_002.xml", "normal_001.tif", "notes.txt");
        var slides = DatasetScanner.Scan(_dir);
        Assert.Equal(["normal_001", "tumor_001", "tumor_002"], slides.Select(s => s.Name));
        Assert.Null(slides[0].MaskPath);
        Assert.Null(slides[0].AnnotationPath);
        Assert.EndsWith("tumor_001_mask.tif", slides[1].MaskPath);
        Assert.EndsWith("tumor_002.xml", slides[2].AnnotationPath);
    }

    [Fact]
    public void MaskWinsOverAnnotationsWhenBothExist()
    {
        Touch("a.tif", "a_mask.tif", "a.xml");
        var slide = Assert.Single(DatasetScanner.Scan(_dir));
        Assert.NotNull(slide.MaskPath);
        Assert.Null(slide.AnnotationPath);
    }

    [Fact]
    public void QuPathGeoJsonIsReadLikeAsapXmlAndTheXmlWinsWhenBothExist()
    {
        Touch("a.tif", "a.geojson", "b.svs", "b.geojson", "b.xml", "c.tif", "c.json");
        var slides = DatasetScanner.Scan(_dir);
        Assert.EndsWith("a.geojson", slides[0].AnnotationPath);
        Assert.EndsWith("b.xml", slides[1].AnnotationPath);
        Assert.Null(slides[2].AnnotationPath);
    }

    [Fact]
    public void EmptyFolderIsAnErrorNamingTheFolder()
    {
        var error = Assert.Throws<InvalidDataException>(() => DatasetScanner.Scan(_dir));
        Assert.Contains(_dir, error.Message);
        Assert.Contains("no slides found", error.Message);
    }

    [Fact]
    public void MissingFolderIsAnErrorNamingTheFolder()
    {
        var missing = Path.Combine(_dir, "nope");
        var error = Assert.Throws<DirectoryNotFoundException>(() => DatasetScanner.Scan(missing));
        Assert.Contains(missing, error.Message);
    }
}
