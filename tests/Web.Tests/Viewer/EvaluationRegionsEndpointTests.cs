using System.Net;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Pipeline.Inference.Output;
using TumorWeb.Web.Tests.Accounts;

namespace TumorWeb.Web.Tests.Viewer;

/// <summary>An evaluated slide's predicted tumour regions as QuPath GeoJSON and ASAP XML downloads.</summary>
public sealed class EvaluationRegionsEndpointTests(ViewerAppFixture app) : IClassFixture<ViewerAppFixture>
{
    private readonly HttpClient _client = app.Factory.CreateClientAs();

    private string Url(string file) => $"/api/evaluations/{app.EvaluationId}/slides/{app.EvaluationSlideId}/{file}";

    /// <summary>The fixture's heatmap has no heatmap.json; this class adds one, as the pipeline writes it.</summary>
    private void WriteSummary()
    {
        var folder = Directory.GetDirectories(Path.Combine(app.DataDirectory, "runs", "evaluation-1")).Single();
        HeatmapSummaryFile.Write(new HeatmapSummary(Path.GetFileName(folder), Path.Combine(app.DataDirectory, "slides", Path.GetFileName(folder) + ".tif"),
            ViewerAppFixture.GridWidth, ViewerAppFixture.GridHeight, 128, 299, 100, 0, false, "baseline", 32, 1, 1, 1, 1, 1, 0, null, null, []),
            new HeatmapFiles(folder).Summary);
    }

    [Fact]
    public async Task RegionsAtTheThresholdComeAsQuPathGeoJsonInLevelZeroPixels()
    {
        WriteSummary();

        var response = await _client.GetAsync(Url("regions.geojson?threshold=0.3"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        // Tissue is the left 8 columns with probability x / 16: columns 5 to 7 reach 0.3.
        var annotations = GeoJsonAnnotationReader.Read(await response.Content.ReadAsStreamAsync(), "response",
            new SlideExtent(ViewerAppFixture.SlideWidth, ViewerAppFixture.SlideHeight));
        var region = Assert.Single(annotations.Tumor);
        Assert.Equal([new(1024, 0), new(1024, 1600), new(640, 1600), new(640, 0)], region.Points);
    }

    [Fact]
    public async Task TheSameRegionsComeAsAsapXmlAndABadThresholdIsRefused()
    {
        WriteSummary();

        var xml = await _client.GetAsync(Url("regions.xml?threshold=0.3"));
        Assert.Equal(HttpStatusCode.OK, xml.StatusCode);
        using var temp = new TempDirectory();
        var path = temp.WriteBytes("regions.xml", await xml.Content.ReadAsByteArrayAsync());
        var cells = AnnotationRasterizer.TumorCells(AsapAnnotationReader.Read(path), ViewerAppFixture.SlideWidth, ViewerAppFixture.SlideHeight, 128);
        Assert.Equal(Enumerable.Range(0, ViewerAppFixture.GridHeight).SelectMany(y => new[] { (5, y), (6, y), (7, y) }).Order(), cells.Cells().Order());

        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync(Url("regions.geojson?threshold=2"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/evaluations/{app.EvaluationId}/slides/9999/regions.geojson")).StatusCode);
    }
}
