using System.Net;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Web.Tests.Accounts;

namespace TumorWeb.Web.Tests.Viewer;

/// <summary>A slide's ground truth as QuPath GeoJSON and ASAP XML downloads from the viewer.</summary>
public sealed class GroundTruthExportTests(ViewerAppFixture app) : IClassFixture<ViewerAppFixture>
{
    private readonly HttpClient _client = app.Factory.CreateClientAs();

    [Fact]
    public async Task AMaskSlidesGroundTruthIsTheOutlineOfItsTumourCellsInBothFormats()
    {
        using var overlay = await _client.GetAsync($"/slides/{app.TumorSlideId}/overlays/tumor.png");
        using var overlayImage = NetVips.Image.NewFromBuffer(await overlay.Content.ReadAsByteArrayAsync());
        var alpha = overlayImage.WriteToMemory<byte>();
        var expected = Enumerable.Range(0, ViewerAppFixture.GridWidth * ViewerAppFixture.GridHeight)
            .Where(i => alpha[i * 4 + 3] > 0).Select(i => (i % ViewerAppFixture.GridWidth, i / ViewerAppFixture.GridWidth)).Order().ToList();
        Assert.NotEmpty(expected);

        var geoJson = await _client.GetAsync($"/slides/{app.TumorSlideId}/ground-truth.geojson");
        Assert.Equal(HttpStatusCode.OK, geoJson.StatusCode);
        Assert.Equal("application/geo+json", geoJson.Content.Headers.ContentType!.MediaType);
        var fromGeoJson = GeoJsonAnnotationReader.Read(await geoJson.Content.ReadAsStreamAsync(), "response",
            new SlideExtent(ViewerAppFixture.SlideWidth, ViewerAppFixture.SlideHeight));
        Assert.Equal(expected, Cells(fromGeoJson));

        var xml = await _client.GetAsync($"/slides/{app.TumorSlideId}/ground-truth.xml");
        using var temp = new TempDirectory();
        Assert.Equal(expected, Cells(AsapAnnotationReader.Read(temp.WriteBytes("truth.xml", await xml.Content.ReadAsByteArrayAsync()))));
    }

    [Fact]
    public async Task ASlideWithoutGroundTruthHasNone() =>
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/slides/{app.NormalSlideId}/ground-truth.geojson")).StatusCode);

    private static List<(int, int)> Cells(SlideAnnotations annotations) =>
        AnnotationRasterizer.TumorCells(annotations, ViewerAppFixture.SlideWidth, ViewerAppFixture.SlideHeight, 128).Cells().Order().ToList();
}
