using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Tests.Accounts;
using TumorWeb.Web.Tests.Viewer;

namespace TumorWeb.Web.Tests.Sharing;

/// <summary>
/// The read-only deep-zoom viewer of a shared evaluation: its tile and overlay requests carry the
/// link's secret and work without an account, for the evaluation's own slides only.
/// </summary>
public sealed class SharedViewerTests(ViewerAppFixture app) : IClassFixture<ViewerAppFixture>
{
    /// <summary>The top Deep Zoom level of the 2100-pixel-wide slide (ceil(log2 2100) = 12) has a tile 0_0.</summary>
    private const string Tile = "dzi_files/12/0_0.jpeg";

    [Fact]
    public async Task TilesAndOverlaysOfTheSharedSlidesAnswerWithoutSignIn()
    {
        var (_, secret) = await ShareAsync(app.EvaluationId);
        using var anonymous = app.Factory.CreateClient();
        var slide = $"/share/{secret}/slides/{app.EvaluationSlideId}";

        var dzi = await anonymous.GetAsync($"{slide}/dzi.dzi");
        var tile = await anonymous.GetAsync($"{slide}/{Tile}");
        var heatmap = await anonymous.GetAsync($"{slide}/overlay.png?colormap=viridis&threshold=0.3");
        var outline = await anonymous.GetAsync($"{slide}/tumor-outline.json");

        Assert.Equal(HttpStatusCode.OK, dzi.StatusCode);
        Assert.Contains("TileSize=\"254\"", await dzi.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
        Assert.Equal("image/jpeg", tile.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, heatmap.StatusCode);
        Assert.Equal("image/png", heatmap.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, outline.StatusCode);
        Assert.True(JsonDocument.Parse(await outline.Content.ReadAsStringAsync()).RootElement.GetProperty("segments").GetArrayLength() > 0);
        foreach (var response in new[] { dzi, tile, heatmap, outline })
            Assert.True(response.Headers.CacheControl?.NoStore, $"{response.RequestMessage!.RequestUri}: Cache-Control: no-store");
    }

    [Fact]
    public async Task SlidesOfOtherEvaluationsAndTheSignedInUrlsStayClosed()
    {
        var (otherEvaluation, otherSlide) = await AddEvaluationOfTheNormalSlideAsync();
        var (_, secret) = await ShareAsync(app.EvaluationId);
        using var anonymous = app.Factory.CreateClient();

        foreach (var path in new[] { "dzi.dzi", Tile, "overlay.png", "tumor-outline.json" })
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/share/{secret}/slides/{otherSlide}/{path}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/share/{secret}/viewer/{otherSlide}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/slides/{app.TumorSlideId}/dzi.dzi")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/slides/{app.TumorSlideId}/overlays/tumor-outline.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/evaluations/{app.EvaluationId}/slides/{app.EvaluationSlideId}/overlay.png")).StatusCode);
        // The other evaluation's own link opens its slide.
        var (_, otherSecret) = await ShareAsync(otherEvaluation);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/share/{otherSecret}/slides/{otherSlide}/dzi.dzi")).StatusCode);
    }

    [Fact]
    public async Task AWrongOrRevokedSecretOpensNoTile()
    {
        var (id, secret) = await ShareAsync(app.EvaluationId);
        using var anonymous = app.Factory.CreateClient();
        var wrong = secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A');
        var tile = $"slides/{app.EvaluationSlideId}/{Tile}";
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/share/{secret}/{tile}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/share/{wrong}/{tile}")).StatusCode);
        using var operatorClient = app.Factory.CreateClientAs(LabRoles.Operator);
        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.DeleteAsync($"/api/shares/{id}")).StatusCode);
        foreach (var path in new[] { tile, $"slides/{app.EvaluationSlideId}/overlay.png", $"slides/{app.EvaluationSlideId}/dzi.dzi", $"viewer/{app.EvaluationSlideId}" })
        {
            var response = await anonymous.GetAsync($"/share/{secret}/{path}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("This link is not valid or has expired.", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task TheSharePageLinksEachSlideToItsViewerWhoseTilesCarryTheSecret()
    {
        var (_, secret) = await ShareAsync(app.EvaluationId);
        using var anonymous = app.Factory.CreateClient();

        var page = await anonymous.GetStringAsync($"/share/{secret}");
        var viewer = await anonymous.GetAsync($"/share/{secret}/viewer/{app.EvaluationSlideId}");

        Assert.Contains($"href=\"share/{secret}/viewer/{app.EvaluationSlideId}\"", page);
        Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
        Assert.True(viewer.Headers.CacheControl?.NoStore);
        var html = WebUtility.HtmlDecode(await viewer.Content.ReadAsStringAsync());
        Assert.Contains($"\"dziUrl\":\"share/{secret}/slides/{app.EvaluationSlideId}/dzi.dzi\"", html);
        Assert.Contains($"share/{secret}/slides/{app.EvaluationSlideId}/overlay.png?colormap=jet\\u0026threshold=0.3", html);
        Assert.Contains($"share/{secret}/slides/{app.EvaluationSlideId}/tumor-outline.json", html);
        Assert.DoesNotContain($"\"slides/{app.TumorSlideId}/", html);
        Assert.DoesNotContain(app.DataDirectory, html);
    }

    private async Task<(int Id, string Secret)> ShareAsync(int evaluationId)
    {
        using var client = app.Factory.CreateClientAs(LabRoles.Operator);
        var response = await client.PostAsJsonAsync($"/api/evaluations/{evaluationId}/shares", new { days = 7 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var url = created.GetProperty("url").GetString()!;
        return (created.GetProperty("id").GetInt32(), url[(url.LastIndexOf('/') + 1)..]);
    }

    private async Task<(int Evaluation, int Slide)> AddEvaluationOfTheNormalSlideAsync()
    {
        var dbFactory = app.Factory.Services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var normal = await db.RegisteredSlides.SingleAsync(s => s.Id == app.NormalSlideId);
        var evaluation = new EvaluationRun { ModelPath = "m", OutputDirectory = Path.Combine(app.DataDirectory, "runs", "evaluation-other"), CreatedAt = DateTimeOffset.UtcNow };
        evaluation.Slides.Add(new EvaluationSlide { Name = normal.Name, SlidePath = normal.SlidePath, HeatmapDirectory = evaluation.OutputDirectory, Status = SlideStatus.Completed });
        db.EvaluationRuns.Add(evaluation);
        await db.SaveChangesAsync();
        return (evaluation.Id, evaluation.Slides[0].Id);
    }
}
