using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Web.Features.Datasets;
using TumorWeb.Web.Tests.Accounts;

namespace TumorWeb.Web.Tests.Datasets;

public sealed class DatasetEndpointsTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("tumorweb-api-").FullName;
    private TumorWebFactory _factory = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _factory = new TumorWebFactory(_data);
        _client = _factory.CreateClientAs();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task PostingAFolderUnderTheRootCreatesTheDatasetAndItsThumbnails()
    {
        SyntheticSlides.Write(Path.Combine(_data, "slides"), slides: 1, normal: 1, side: 1024);

        var response = await _client.PostAsJsonAsync("/api/datasets", new { folder = "slides", name = "Lab set" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetInt32();
        Assert.Equal($"/api/datasets/{id}", response.Headers.Location?.ToString());
        Assert.Equal(("Lab set", 1), (body.GetProperty("name").GetString(), body.GetProperty("slideCount").GetInt32()));
        Assert.Equal(Path.Combine(_data, "slides"), body.GetProperty("folder").GetString());

        await _factory.Services.GetRequiredService<DatasetScans>().WaitAsync(id);
        var slide = await _factory.Services.GetRequiredService<DatasetQueries>().DetailAsync(id);
        var thumbnail = await _client.GetAsync($"/thumbnails/{slide!.Slides.Single().Slide.Id}");
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal("image/png", thumbnail.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await thumbnail.Content.ReadAsByteArrayAsync())[..4]);
    }

    [Theory]
    [InlineData("../..", "outside the data roots")]
    [InlineData("/etc", "outside the data roots")]
    [InlineData("missing", "not found")]
    public async Task PostingABadFolderAnswers400WithTheProblem(string folder, string problem)
    {
        var response = await _client.PostAsJsonAsync("/api/datasets", new { folder, name = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var details = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, details.GetProperty("status").GetInt32());
        Assert.Contains(folder, details.GetProperty("detail").GetString());
        Assert.Contains(problem, details.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task RoleCanBePatchedAndTheDatasetDeleted()
    {
        SyntheticSlides.Write(Path.Combine(_data, "roles"), slides: 1, normal: 1, side: 1024);
        var created = await (await _client.PostAsJsonAsync("/api/datasets", new { folder = "roles", name = "" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        await _factory.Services.GetRequiredService<DatasetScans>().WaitAsync(id);
        var queries = _factory.Services.GetRequiredService<DatasetQueries>();
        var slideId = (await queries.DetailAsync(id))!.Slides.Single().Slide.Id;

        var patched = await _client.PatchAsJsonAsync($"/api/datasets/{id}/slides/{slideId}", new { role = "tumor" });
        var refused = await _client.PatchAsJsonAsync($"/api/datasets/{id}/slides/{slideId}", new { role = "maybe" });

        Assert.Equal(HttpStatusCode.NoContent, patched.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(Data.Entities.SlideRole.Tumor, (await queries.DetailAsync(id))!.Slides.Single().Slide.Role);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/datasets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.DeleteAsync($"/api/datasets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/thumbnails/{slideId}")).StatusCode);
        Assert.True(File.Exists(Path.Combine(_data, "roles", "normal_001.tif")));
    }

    [Fact]
    public async Task UnknownThumbnailIs404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/thumbnails/12345")).StatusCode);
}
