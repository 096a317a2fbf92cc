using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Grid.Annotations;

namespace TumorWeb.Pipeline.Tests.Grid.Annotations;

public class GeoJsonAnnotationReaderTests
{
    private const string Square = "[[[0,0],[384,0],[384,384],[0,384],[0,0]]]";
    private const string CentreHole = "[[128,128],[256,128],[256,256],[128,256],[128,128]]";

    private static string Feature(string className, string type, string coordinates) =>
        Feature("{\"type\":\"" + type + "\",\"coordinates\":" + coordinates + "}",
            "{\"objectType\":\"annotation\",\"classification\":{\"name\":\"" + className + "\",\"color\":[200,0,0]}}");

    private static string Feature(string geometry, string properties) =>
        "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":" + properties + "}";

    private static string Collection(params string[] features) =>
        "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", features) + "]}";

    private static SlideAnnotations Read(string json, SlideExtent? extent = null)
    {
        using var temp = new TempDirectory();
        return GeoJsonAnnotationReader.Read(temp.File("slide.geojson", json), extent);
    }

    private static string ErrorOf(string json, SlideExtent? extent = null)
    {
        using var temp = new TempDirectory();
        var path = temp.File("slide.geojson", json);
        var error = Assert.Throws<AnnotationException>(() => GeoJsonAnnotationReader.Read(path, extent));
        Assert.StartsWith(path + ": ", error.Message);
        return error.Reason;
    }

    [Fact]
    public void TumourClassesAreTumourExclusionsAreCutAndOtherClassesAreCountedAsIgnored()
    {
        var annotations = Read(Collection(
            Feature("Tumor", "Polygon", Square), Feature("Tumour", "Polygon", Square), Feature("Metastasis", "Polygon", Square),
            Feature("Exclusion", "Polygon", Square), Feature("Ignore*", "Polygon", Square),
            Feature("Stroma", "Polygon", Square), Feature("Stroma", "Point", "[1,2]"), Feature("Immune cells", "Polygon", Square)));

        Assert.Equal(3, annotations.Tumor.Count);
        Assert.Equal(2, annotations.Exclusion.Count);
        Assert.Equal([new IgnoredClass("Immune cells", 1), new IgnoredClass("Stroma", 2)], annotations.Ignored);
    }

    [Fact]
    public void AFeatureWithoutAClassificationIsIgnoredAsUnclassified()
    {
        var annotations = Read(Collection(Feature("{\"type\":\"Polygon\",\"coordinates\":" + Square + "}", "{}")));
        Assert.Equal([new IgnoredClass("(unclassified)", 1)], annotations.Ignored);
    }

    [Fact]
    public void PolygonHolesAreKeptAndTheRasteriserCutsThemOut()
    {
        var annotations = Read(Collection(Feature("Tumor", "Polygon", $"[[[0,0],[384,0],[384,384],[0,384],[0,0]],{CentreHole}]")));

        var polygon = Assert.Single(annotations.Tumor);
        Assert.Equal([new(0, 0), new(384, 0), new(384, 384), new(0, 384)], polygon.Points);
        Assert.Equal([new(128, 128), new(256, 128), new(256, 256), new(128, 256)], Assert.Single(polygon.Holes));
        Assert.Equal(["###.", "#.#.", "###."], CellMasks.Draw(AnnotationRasterizer.TumorCells(annotations, 512, 384, 128)));
    }

    [Fact]
    public void EachPartOfAMultiPolygonIsAPolygon()
    {
        var annotations = Read(Collection(Feature("Tumor", "MultiPolygon",
            "[[[[0,0],[128,0],[128,128],[0,128],[0,0]]],[[[256,256],[384,256],[384,384],[256,384],[256,256]]]]")));

        Assert.Equal(2, annotations.Tumor.Count);
        Assert.Equal(["#..", "...", "..#"], CellMasks.Draw(AnnotationRasterizer.TumorCells(annotations, 384, 384, 128)));
    }

    [Fact]
    public void QuPathsBareArrayOfFeaturesAndASingleFeatureAreRead()
    {
        Assert.Single(Read($"[{Feature("Tumor", "Polygon", Square)}]").Tumor);
        Assert.Single(Read(Feature("Tumor", "Polygon", Square)).Tumor);
    }

    [Fact]
    public void DerivedClassesWithOnlyNamesAreJoinedAsQuPathShowsThem()
    {
        var annotations = Read(Collection(Feature("{\"type\":\"Polygon\",\"coordinates\":" + Square + "}", """{"classification":{"names":["Tumor","Positive"]}}""")));
        Assert.Equal([new IgnoredClass("Tumor: Positive", 1)], annotations.Ignored);
    }

    [Fact]
    public void NotJsonIsRefusedWithTheLine() =>
        Assert.StartsWith("not JSON: line 2,", ErrorOf("{\"type\":\n\"FeatureCollection\", oops}"));

    [Fact]
    public void JsonThatIsNotAFeatureCollectionIsRefused() =>
        Assert.Equal("not a GeoJSON FeatureCollection (the top-level \"type\" is \"Polygon\"); export the annotations from QuPath as GeoJSON",
            ErrorOf("""{"type":"Polygon","coordinates":[]}"""));

    [Fact]
    public void ATumourLineIsRefusedNamingTheFeatureIndex() =>
        Assert.Equal("features[1] (Tumor): LineString geometry; only Polygon and MultiPolygon outline an area",
            ErrorOf(Collection(Feature("Tumor", "Polygon", Square), Feature("Tumor", "LineString", "[[0,0],[5,5]]"))));

    [Fact]
    public void ASelfIntersectingOutlineIsRefusedWithWhere()
    {
        var bowTie = "[[[0,0],[100,100],[100,0],[0,100],[0,0]]]";
        Assert.Equal("features[2] (Exclusion): invalid polygon: Self-intersection at (50, 50)",
            ErrorOf(Collection(Feature("Stroma", "Point", "[0,0]"), Feature("Tumor", "Polygon", Square), Feature("Exclusion", "Polygon", bowTie))));
    }

    [Fact]
    public void AnUnclosedRingIsRefusedNamingTheFeature() =>
        Assert.StartsWith("features[0] (Tumor): unreadable geometry: ",
            ErrorOf(Collection(Feature("Tumor", "Polygon", "[[[0,0],[10,0],[10,10],[0,10]]]"))));

    [Fact]
    public void CoordinatesOutsideTheSlideAreRefused() =>
        Assert.Equal("features[0] (Tumor): coordinate (384, 0) is outside the slide (0..300 x 0..400 level-0 pixels)",
            ErrorOf(Collection(Feature("Tumor", "Polygon", Square)), new SlideExtent(300, 400)));

    [Fact]
    public void CoordinatesOnTheSlideEdgeAreInside() =>
        Assert.Single(Read(Collection(Feature("Tumor", "Polygon", Square)), new SlideExtent(384, 384)).Tumor);

    [Fact]
    public void AMissingFileIsNamed() =>
        Assert.Equal("/no/such/slide.geojson: file not found",
            Assert.Throws<AnnotationException>(() => GeoJsonAnnotationReader.Read("/no/such/slide.geojson")).Message);

    [Fact]
    public void MoreVerticesThanTheLimitAreRefused()
    {
        using var temp = new TempDirectory();
        var path = temp.File("big.geojson", Collection(Feature("Tumor", "Polygon", Square), Feature("Tumor", "Polygon", Square)));
        var error = Assert.Throws<AnnotationException>(() => GeoJsonAnnotationReader.Read(path, maxVertices: 9));
        Assert.Equal("more than the limit of 9 annotation vertices per file (reached at features[1] (Tumor))", error.Reason);
    }

    [Fact]
    public void TheFileReaderPicksTheFormatByExtension()
    {
        using var temp = new TempDirectory();
        var geoJson = temp.File("a.geojson", Collection(Feature("Tumor", "Polygon", Square)));
        var xml = temp.File("a.xml", """<ASAP_Annotations><Annotations><Annotation Type="Polygon" PartOfGroup="Tumor"><Coordinates><Coordinate Order="0" X="0" Y="0"/><Coordinate Order="1" X="9" Y="0"/><Coordinate Order="2" X="0" Y="9"/></Coordinates></Annotation></Annotations></ASAP_Annotations>""");
        Assert.Equal(4, AnnotationFiles.Read(geoJson, null).Tumor.Single().Points.Count);
        Assert.Equal(3, AnnotationFiles.Read(xml, null).Tumor.Single().Points.Count);
    }
}
