using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Tests;
using TumorWeb.Web.Features.Datasets;
using TumorWeb.Web.Tests.Datasets;
using TumorWeb.Web.Tests.Accounts;

namespace TumorWeb.Web.Tests.Hostile;

/// <summary>
/// The corpus of bad and hostile input, through the real app's HTTP API: each answer names the
/// file or folder and its problem, no request fails with a 500, and a dataset registered before
/// stays exactly as it was.
/// </summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("tumorweb-hostile-").FullName;
    private readonly string _scratch = Directory.CreateTempSubdirectory("tumorweb-hostile-scratch-").FullName;
    private TumorWebFactory _factory = null!;
    private HttpClient _client = null!;
    private int _keptId;
    private string _keptBefore = "";

    public async Task InitializeAsync()
    {
        _factory = new TumorWebFactory(_data);
        _client = _factory.CreateClientAs();
        SyntheticSlides.Write(Path.Combine(_data, "kept"), slides: 1, normal: 1, side: 1024);
        _keptId = await RegisterAsync("kept", HttpStatusCode.Created);
        _keptBefore = await _client.GetStringAsync($"/api/datasets/{_keptId}");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
        Directory.Delete(_scratch, recursive: true);
    }

    [SkippableFact]
    public async Task EverySharedRealFileIsRegisteredAndEachBadOneShowsItsOwnError()
    {
        HostileFiles.CopyShared(Path.Combine(_data, "real"));

        var slides = await SlidesOf(await RegisterAsync("real", HttpStatusCode.Created));

        Assert.Equal(["boxes", "broken", "cmu-1-small-region", "small", "tcga-cr-7395-01a-01-ts1", "unopenable", "unreadable"], slides.Keys);
        foreach (var good in new[] { "cmu-1-small-region", "tcga-cr-7395-01a-01-ts1" })
            Assert.True(slides[good] is { Vendor: "aperio", Error: null }, slides[good].ToString());
        // Readable, but not tissue: coloured boxes and a 16x16 pixel slide.
        Assert.Contains("boxes.tiff: no tissue found", slides["boxes"].Error);
        Assert.Contains("small.svs: no tissue found", slides["small"].Error);
        Assert.Contains("broken.svs: not a slide OpenSlide can read", slides["broken"].Error);
        Assert.Contains("unopenable.tiff: OpenSlide error: Unsupported TIFF compression", slides["unopenable"].Error);
        Assert.Contains("unreadable.svs: OpenSlide error: Bogus marker length", slides["unreadable"].Error);
        foreach (var slide in slides.Values) await AssertViewerAnswersWithoutCrashing(slide);
        await AssertNothingLost();
    }

    [Fact]
    public async Task DamagedSlidesMasksAndAnnotationsEachShowTheirOwnError()
    {
        HostileFiles.WriteDamaged(Path.Combine(_data, "damaged"), _scratch);

        var slides = await SlidesOf(await RegisterAsync("damaged", HttpStatusCode.Created));

        Assert.Equal(["good", "laughs", "malformed", "png", "truncated", "wrongmask", "xxe"], slides.Keys);
        Assert.True(slides["good"].Error is null, slides["good"].Error);
        Assert.True(slides["good"].TumorCells > 0);
        Assert.Contains("truncated.tif", slides["truncated"].Error);
        Assert.Contains("png.tif", slides["png"].Error);
        Assert.Contains("mask", slides["wrongmask"].Error);
        Assert.Contains("malformed.xml: malformed XML at line", slides["malformed"].Error);
        Assert.Contains("laughs.xml: refused: the file declares a DTD", slides["laughs"].Error);
        Assert.Contains("xxe.xml: refused: the file declares a DTD", slides["xxe"].Error);
        Assert.DoesNotContain("root:", await _client.GetStringAsync("/api/datasets"));
        foreach (var slide in slides.Values) await AssertViewerAnswersWithoutCrashing(slide);
        await AssertNothingLost();
    }

    [Theory]
    [InlineData("empty", "is empty")]
    [InlineData("notes", "no slides")]
    [InlineData("/etc", "outside the data roots")]
    [InlineData("../..", "outside the data roots")]
    [InlineData("kept/../../..", "outside the data roots")]
    [InlineData("outward", "symbolic link leads outside the data roots")]
    [InlineData("kept/normal_001.tif", "not found")]
    [InlineData("kept", "already registered")]
    [InlineData("   ", "give a folder")]
    public async Task AFolderThatCannotBeADatasetIsRefusedWith400NamingIt(string folder, string problem)
    {
        Directory.CreateDirectory(Path.Combine(_data, "empty"));
        HostileFiles.WriteNotes(Path.Combine(_data, "notes"));
        Directory.CreateSymbolicLink(Path.Combine(_data, "outward"), _scratch);

        var response = await _client.PostAsJsonAsync("/api/datasets", new { folder, name = "bad" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains(folder.Trim().Length == 0 ? "(no folder)" : folder, detail);
        Assert.Contains(problem, detail);
        await AssertNothingLost();
    }

    [Fact]
    public async Task ASlideLinkedFromOutsideTheRootsIsNeitherScannedNorServed()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_data, "linked")).FullName;
        var outside = SyntheticSlides.Write(Path.Combine(_scratch, "outside"), slides: 1, normal: 1, side: 1024).Single();
        File.CreateSymbolicLink(Path.Combine(folder, "elsewhere.tif"), outside.SlidePath);

        var slide = (await SlidesOf(await RegisterAsync("linked", HttpStatusCode.Created)))["elsewhere"];

        Assert.Contains("symbolic link leads outside the data roots", slide.Error);
        Assert.Null(slide.Vendor);
        var descriptor = await _client.GetAsync($"/slides/{slide.Id}/dzi.dzi");
        var tile = await _client.GetAsync($"/slides/{slide.Id}/dzi_files/0/0_0.jpeg");
        var overlay = await _client.GetAsync($"/slides/{slide.Id}/overlays/tissue.png");
        Assert.Equal([HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity],
            [descriptor.StatusCode, tile.StatusCode, overlay.StatusCode]);
        Assert.Contains("symbolic link leads outside the data roots", await descriptor.Content.ReadAsStringAsync());
        await AssertNothingLost();
    }

    private async Task<int> RegisterAsync(string folder, HttpStatusCode expected)
    {
        var response = await _client.PostAsJsonAsync("/api/datasets", new { folder, name = folder });
        Assert.True(expected == response.StatusCode, $"{folder}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await _factory.Services.GetRequiredService<DatasetScans>().WaitAsync(id);
        return id;
    }

    private async Task<SortedDictionary<string, SlideRow>> SlidesOf(int datasetId)
    {
        var detail = await _client.GetFromJsonAsync<JsonElement>($"/api/datasets/{datasetId}");
        var rows = detail.GetProperty("slides").EnumerateArray().Select(s => new SlideRow(s.GetProperty("id").GetInt32(),
            s.GetProperty("name").GetString()!, s.GetProperty("vendor").GetString(), s.GetProperty("tumorCells").GetInt32(),
            s.GetProperty("error").GetString()));
        return new SortedDictionary<string, SlideRow>(rows.ToDictionary(r => r.Name), StringComparer.Ordinal);
    }

    /// <summary>Thumbnail, descriptor, a tile and the overlays: served, or refused with a message, never a 500.</summary>
    private async Task AssertViewerAnswersWithoutCrashing(SlideRow slide)
    {
        foreach (var url in new[] { $"/thumbnails/{slide.Id}", $"/slides/{slide.Id}/dzi.dzi", $"/slides/{slide.Id}/dzi_files/0/0_0.jpeg",
                     $"/slides/{slide.Id}/overlays/tissue.png", $"/slides/{slide.Id}/overlays/tumor.png" })
        {
            var response = await _client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity,
                $"{slide.Name} {url}: {(int)response.StatusCode} {body}");
            if (response.StatusCode == HttpStatusCode.UnprocessableEntity) Assert.Contains(slide.Name, body);
        }
    }

    /// <summary>The server still answers, and the dataset registered first reads exactly as before.</summary>
    private async Task AssertNothingLost()
    {
        Assert.Equal(_keptBefore, await _client.GetStringAsync($"/api/datasets/{_keptId}"));
        var list = await _client.GetFromJsonAsync<JsonElement>("/api/datasets");
        Assert.Contains(list.EnumerateArray(), d => d.GetProperty("id").GetInt32() == _keptId);
    }

    private sealed record SlideRow(int Id, string Name, string? Vendor, int TumorCells, string? Error);
}
