using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using TumorWeb.Data;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Features.Annotations;
using TumorWeb.Web.Features.Datasets;
using TumorWeb.Web.Tests.Accounts;
using TumorWeb.Web.Tests.Viewer;

namespace TumorWeb.Web.Tests.Annotations;

/// <summary>/api/slides/{id}/annotations and /api/slides/{id}/ground-truth on a 2100 x 1600 slide without ground truth files.</summary>
public sealed class AnnotationsApiTests(ViewerAppFixture app) : IClassFixture<ViewerAppFixture>
{
    private const string Square = """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","id":"a","geometry":{"type":"Polygon","coordinates":[[[200,300],[700,300],[700,650],[200,650],[200,300]]]},
           "properties":{"classification":{"name":"Tumor"}}},
          {"type":"Feature","id":"b","geometry":{"type":"Polygon","coordinates":[[[300,400],[420,400],[420,520],[300,520]]]},
           "properties":{"classification":{"name":"Ignore*"}}}]}
        """;

    private static StringContent GeoJson(string body) => new(body, Encoding.UTF8, "application/geo+json");

    private string Url => $"/api/slides/{app.NormalSlideId}/annotations";

    [Fact]
    public async Task AnOperatorsSaveIsReadBackInLevelZeroPixelsWithAuthorAndAudited()
    {
        var client = app.Factory.CreateClientAs(LabRoles.Operator);

        var saved = await client.PutAsync(Url, GeoJson(Square));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var read = await app.Factory.CreateClientAs(LabRoles.Viewer).GetFromJsonAsync<JsonElement>(Url);
        var features = read.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(["a", "b"], features.Select(f => f.GetProperty("id").GetString()));
        Assert.Equal("[[[200,300],[700,300],[700,650],[200,650],[200,300]]]", features[0].GetProperty("geometry").GetProperty("coordinates").GetRawText());
        Assert.Equal("[[[300,400],[420,400],[420,520],[300,520],[300,400]]]", features[1].GetProperty("geometry").GetProperty("coordinates").GetRawText());
        Assert.Equal(["Tumor", "Exclusion"], features.Select(f => f.GetProperty("properties").GetProperty("classification").GetProperty("name").GetString()));
        Assert.All(features, f => Assert.Equal("test-operator", f.GetProperty("properties").GetProperty("author").GetString()));
        Assert.All(features, f => Assert.Equal("annotation", f.GetProperty("properties").GetProperty("objectType").GetString()));

        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>().CreateDbContextAsync();
        var entry = await db.AuditEntries.Where(e => e.Action == AuditActions.AnnotationsSave).OrderBy(e => e.Id).LastAsync();
        Assert.Equal(("test-operator", $"slide {app.NormalSlideId} of dataset 1"), (entry.UserName, entry.Target));
        Assert.StartsWith("normal_001: 1 tumour and 1 exclusion regions;", entry.Detail);
    }

    [Fact]
    public async Task TheRegionsExportAsAsapXmlThatTheAppsXmlReaderReadsBack()
    {
        var client = app.Factory.CreateClientAs(LabRoles.Operator);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"/api/slides/{app.TumorSlideId}/annotations", GeoJson(Square))).StatusCode);

        var xml = Path.Combine(app.DataDirectory, "exported.xml");
        await File.WriteAllBytesAsync(xml, await client.GetByteArrayAsync($"/api/slides/{app.TumorSlideId}/annotations.xml"));

        var read = AsapAnnotationReader.Read(xml);
        Assert.Equal([new PointD(200, 300), new PointD(700, 300), new PointD(700, 650), new PointD(200, 650)], Assert.Single(read.Tumor).Points);
        Assert.Equal([new PointD(300, 400), new PointD(420, 400), new PointD(420, 520), new PointD(300, 520)], Assert.Single(read.Exclusion).Points);
    }

    [Fact]
    public async Task AViewerReadsButCannotSave()
    {
        var client = app.Factory.CreateClientAs(LabRoles.Viewer);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsync(Url, GeoJson(Square))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/slides/{app.NormalSlideId}/ground-truth", new { source = "app" })).StatusCode);
    }

    [Fact]
    public async Task AnUnknownSlideIsNotFound()
    {
        var client = app.Factory.CreateClientAs(LabRoles.Operator);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/slides/999/annotations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsync("/api/slides/999/annotations", GeoJson(Square))).StatusCode);
    }

    [Theory]
    [InlineData("""{"type":"Feature"}""", "the body must be a GeoJSON FeatureCollection")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10]]]},"properties":{"classification":{"name":"Tumor"}}},{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[10,0],[2101,10]]]},"properties":{"classification":{"name":"Tumor"}}}]}""",
        "feature 1 has vertex 2 at (2101, 10), outside the slide (0..2100, 0..1600 level-0 pixels)")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10]],[[1,1],[2,1],[2,2]]]},"properties":{"classification":{"name":"Tumor"}}}]}""",
        "feature 0 has a Polygon with holes; draw a hole as an Exclusion region instead")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[0,0],[10,0]]},"properties":{"classification":{"name":"Tumor"}}}]}""",
        "feature 0 has a LineString geometry; only Polygon is drawn here")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10]]]},"properties":{"classification":{"name":"Stroma"}}}]}""",
        "feature 0 has classification \"Stroma\"; use Tumor or Exclusion")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[10,0],[0,0]]]},"properties":{"classification":{"name":"Tumor"}}}]}""",
        "feature 0 has 2 distinct vertices; a polygon needs at least 3")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","id":7,"geometry":{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10]]]},"properties":{"classification":{"name":"Tumor"}}},{"type":"Feature","id":7,"geometry":{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10]]]},"properties":{"classification":{"name":"Tumor"}}}]}""",
        "feature 1 has the id \"7\" of an earlier feature; ids must be unique")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],["x",0],[10,10]]]},"properties":{"classification":{"name":"Tumor"}}}]}""",
        "feature 0 has vertex 1 that is not a position [x, y] of two numbers")]
    [InlineData("{\"type\":", "the body is not JSON")]
    public async Task ABadSaveIs400NamingTheFeatureAndTheProblemAndKeepsNothing(string body, string problem)
    {
        var client = app.Factory.CreateClientAs(LabRoles.Operator);
        var before = await client.GetStringAsync($"/api/slides/{app.TumorSlideId}/annotations");

        var response = await client.PutAsync($"/api/slides/{app.TumorSlideId}/annotations", GeoJson(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(before, await client.GetStringAsync($"/api/slides/{app.TumorSlideId}/annotations"));
    }

    [Fact]
    public async Task ABodyOverTheApiLimitIsRefusedBeforeItIsRead()
    {
        var client = app.Factory.CreateClientAs(LabRoles.Operator);
        var huge = new string(' ', (int)Features.Api.TextLimits.RequestBodyBytes + 1);

        var response = await client.PutAsync($"/api/slides/{app.TumorSlideId}/annotations", GeoJson(huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task SwitchingToTheAppsAnnotationsMakesTheirCellsTheGroundTruthOverlayAndIsAudited()
    {
        var client = app.Factory.CreateClientAs(LabRoles.Operator);
        var slide = app.NormalSlideId;
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"/api/slides/{slide}/annotations", GeoJson(Square))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/slides/{slide}/overlays/tumor.png")).StatusCode);

        var switched = await client.PutAsJsonAsync($"/api/slides/{slide}/ground-truth", new { source = "app" });

        Assert.Equal(HttpStatusCode.NoContent, switched.StatusCode);
        using var png = Image.NewFromBuffer(await client.GetByteArrayAsync($"/slides/{slide}/overlays/tumor.png"));
        var expected = AnnotationRasterizer.TumorCells(new SlideAnnotations(
            [new Polygon([new(200, 300), new(700, 300), new(700, 650), new(200, 650)])],
            [new Polygon([new(300, 400), new(420, 400), new(420, 520), new(300, 520)])]), ViewerAppFixture.SlideWidth, ViewerAppFixture.SlideHeight, 128);
        Assert.Equal((expected.Width, expected.Height), (png.Width, png.Height));
        var drawn = new HashSet<(int, int)>();
        for (var y = 0; y < png.Height; y++)
        for (var x = 0; x < png.Width; x++)
            if (png.Getpoint(x, y)[3] > 0) drawn.Add((x, y));
        Assert.Equal(expected.Cells().ToHashSet(), drawn);
        // Cells 1..5 across and 2..5 down: the exclusion covers no whole cell, so none is cut out.
        Assert.Equal(20, drawn.Count);

        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>().CreateDbContextAsync();
        Assert.True((await db.RegisteredSlides.SingleAsync(s => s.Id == slide)).UseAppAnnotations);
        var entry = await db.AuditEntries.Where(e => e.Action == AuditActions.GroundTruthSource).OrderBy(e => e.Id).LastAsync();
        Assert.Equal(("test-operator", "normal_001: app"), (entry.UserName, entry.Detail));
        var dataset = await client.GetFromJsonAsync<JsonElement>("/api/datasets/1");
        Assert.Equal("app annotations", dataset.GetProperty("slides").EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == slide).GetProperty("groundTruth").GetString());

        // The viewer's outline and its ground-truth download follow the drawn regions too.
        var outline = JsonDocument.Parse(await client.GetStringAsync($"/slides/{slide}/overlays/tumor-outline.json")).RootElement;
        Assert.Equal(expected.Width, outline.GetProperty("gridWidth").GetInt32());
        var exported = GeoJsonAnnotationReader.Read(await client.GetStreamAsync($"/slides/{slide}/ground-truth.geojson"), "download",
            new SlideExtent(ViewerAppFixture.SlideWidth, ViewerAppFixture.SlideHeight));
        Assert.Equal(expected.Cells().ToHashSet(),
            AnnotationRasterizer.TumorCells(exported, ViewerAppFixture.SlideWidth, ViewerAppFixture.SlideHeight, 128).Cells().ToHashSet());

        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/slides/{slide}/ground-truth", new { source = "files" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/slides/{slide}/overlays/tumor.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/slides/{slide}/overlays/tumor-outline.json")).StatusCode);
    }

    [Fact]
    public async Task AnUnknownSourceIs400()
    {
        var client = app.Factory.CreateClientAs(LabRoles.Operator);

        var response = await client.PutAsJsonAsync($"/api/slides/{app.NormalSlideId}/ground-truth", new { source = "mask" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("source \"mask\" is not \"app\"", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }
}
