using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Tests;
using TumorWeb.Web.Features.Datasets;
using TumorWeb.Web.Tests.Accounts;
using TumorWeb.Web.Tests.Datasets;

namespace TumorWeb.Web.Tests.Hostile;

/// <summary>
/// Slides crafted to stall the app, through the real app's HTTP API: one that claims more pixels
/// than tissue detection may decode, and symbolic links that loop. Each becomes that slide's own
/// error, answered with a message rather than a 500, while every other slide is read.
/// </summary>
public sealed class CraftedSlideTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("tumorweb-crafted-").FullName;
    private TumorWebFactory _factory = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task ASlideClaimingAMillionPixelsSquareWithNoPyramidIsRefusedAndEveryOtherSlideIsRead()
    {
        var crafted = Directory.CreateDirectory(Path.Combine(_data, "crafted")).FullName;
        HostileFiles.WriteHugeClaim(Path.Combine(crafted, "crafted.tif"));
        SyntheticSlides.Write(crafted, slides: 1, normal: 0, side: 1024);
        SyntheticSlides.Write(Path.Combine(_data, "other"), slides: 1, normal: 1, side: 1024);

        // Registered together: the other dataset's scan must not wait behind the crafted slide.
        var craftedId = await PostAsync("crafted");
        var otherId = await PostAsync("other");
        await ScansEndAsync(craftedId, otherId);

        var slides = await SlidesOf(craftedId);
        Assert.Contains("crafted.tif: tissue detection would decode 1,000,000 x 1,000,000 pixels at level 0", slides["crafted"].Error);
        Assert.Contains("no level near downsample 128); the limit is 256,000,000 pixels", slides["crafted"].Error);
        Assert.All(slides.Values.Where(s => s.Name != "crafted").Concat((await SlidesOf(otherId)).Values),
            slide => Assert.True(slide is { Vendor: not null, Error: null }, slide.ToString()));
        var overlay = await _client.GetAsync($"/slides/{slides["crafted"].Id}/overlays/tissue.png");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, overlay.StatusCode);
        Assert.Contains("tissue detection would decode 1,000,000 x 1,000,000 pixels", await overlay.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ThePixelLimitIsTheSettingMaxTissuePixels()
    {
        await StopAsync();
        Start(new Dictionary<string, string> { ["TumorWeb:MaxTissuePixels"] = "1000" });
        SyntheticSlides.Write(Path.Combine(_data, "ordinary"), slides: 1, normal: 0, side: 1024);

        var id = await PostAsync("ordinary");
        await ScansEndAsync(id);

        var slide = (await SlidesOf(id)).Values.Single();
        Assert.Contains("the limit is 1,000 pixels (setting MaxTissuePixels)", slide.Error);
        var overlay = await _client.GetAsync($"/slides/{slide.Id}/overlays/tissue.png");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, overlay.StatusCode);
        Assert.Contains("the limit is 1,000 pixels", await overlay.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ASymbolicLinkLoopIsThatSlidesOwnErrorAndStaysSoAfterARestart()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_data, "loops")).FullName;
        SyntheticSlides.Write(folder, slides: 2, normal: 1, side: 1024);
        File.CreateSymbolicLink(Path.Combine(folder, "loop.tif"), "loop.tif");
        File.CreateSymbolicLink(Path.Combine(folder, "a.tif"), "b.tif");
        File.CreateSymbolicLink(Path.Combine(folder, "b.tif"), "a.tif");

        var id = await PostAsync("loops");
        await ScansEndAsync(id);

        var slides = await SlidesOf(id);
        Assert.Equal(["a", "b", "loop", "normal_001", "tumor_001"], slides.Keys);
        foreach (var loop in new[] { "a", "b", "loop" })
        {
            Assert.Contains($"{loop}.tif: too many levels of symbolic links", slides[loop].Error);
            var descriptor = await _client.GetAsync($"/slides/{slides[loop].Id}/dzi.dzi");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, descriptor.StatusCode);
            Assert.Contains("too many levels of symbolic links", await descriptor.Content.ReadAsStringAsync());
        }
        Assert.All(new[] { slides["normal_001"], slides["tumor_001"] }, slide => Assert.True(slide is { Vendor: not null, Error: null }, slide.ToString()));

        var before = await _client.GetStringAsync($"/api/datasets/{id}");
        await StopAsync();
        Start();
        await ScansEndAsync(id);
        Assert.Equal(before, await _client.GetStringAsync($"/api/datasets/{id}"));
    }

    private void Start(IReadOnlyDictionary<string, string>? settings = null)
    {
        _factory = new TumorWebFactory(_data, settings: settings);
        _client = _factory.CreateClientAs();
    }

    private async Task StopAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private async Task<int> PostAsync(string folder)
    {
        var response = await _client.PostAsJsonAsync("/api/datasets", new { folder, name = folder });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{folder}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private async Task ScansEndAsync(params int[] datasetIds)
    {
        var scans = _factory.Services.GetRequiredService<DatasetScans>();
        await Task.WhenAll(datasetIds.Select(scans.WaitAsync));
    }

    private async Task<SortedDictionary<string, SlideRow>> SlidesOf(int datasetId)
    {
        var detail = await _client.GetFromJsonAsync<JsonElement>($"/api/datasets/{datasetId}");
        var rows = detail.GetProperty("slides").EnumerateArray().Select(s => new SlideRow(s.GetProperty("id").GetInt32(),
            s.GetProperty("name").GetString()!, s.GetProperty("vendor").GetString(), s.GetProperty("error").GetString()));
        return new SortedDictionary<string, SlideRow>(rows.ToDictionary(r => r.Name), StringComparer.Ordinal);
    }

    private sealed record SlideRow(int Id, string Name, string? Vendor, string? Error);
}
