using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Datasets;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Runs;
using TumorWeb.Web.Tests.Jobs;
using TumorWeb.Web.Tests.Accounts;

namespace TumorWeb.Web.Tests.Api;

/// <summary>Round trips of the JSON API on a real SQLite file, bad input included.</summary>
public sealed class ApiTests(SyntheticDataset dataset) : IClassFixture<SyntheticDataset>, IAsyncLifetime
{
    private TestApp _app = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _app = new TestApp(dataset.NewDataDirectory());
        _client = _app.CreateClientAs();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task DatasetsListTheRegisteredDatasetAndItsSlides()
    {
        var (datasetId, slideIds) = await _app.RegisterDatasetAsync(dataset.Folder);

        var list = await _app.GetAsync<List<DatasetView>>("/api/datasets");
        var detail = await _app.GetAsync<DatasetDetailView>($"/api/datasets/{datasetId}");

        Assert.Equal(3, Assert.Single(list).SlideCount);
        Assert.Equal(slideIds.Order(), detail.Slides.Select(s => s.Id).Order());
        Assert.All(detail.Slides, s => Assert.True(s.HasMask));
    }

    [Theory]
    [InlineData("/api/datasets/99")]
    [InlineData("/api/jobs/99")]
    [InlineData("/api/extractions/99")]
    [InlineData("/api/training/99")]
    [InlineData("/api/training/99/metrics")]
    [InlineData("/api/evaluations/99")]
    [InlineData("/api/evaluations/99/slides/1/heatmap.png")]
    [InlineData("/api/evaluations/99/slides/1/roc")]
    public async Task UnknownIdsAnswer404WithAProblemNamingThem(string url)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains("99", problem!.Detail);
    }

    [Fact]
    public async Task ExtractionOfAnUnknownDatasetIs400NamingTheDataset()
    {
        var response = await _client.PostAsJsonAsync("/api/jobs/extraction", new ExtractionJobParameters(42));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("dataset 42 does not exist", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task OutOfRangeNumbersAndUnknownPresetsAre400WithTheRule()
    {
        var (datasetId, _) = await _app.RegisterDatasetAsync(dataset.Folder);

        var cell = await _client.PostAsJsonAsync("/api/jobs/extraction", new ExtractionJobParameters(datasetId, CellSize: 4));
        var training = await _client.PostAsJsonAsync("/api/jobs/training", new TrainingJobParameters(7));

        Assert.Equal(HttpStatusCode.BadRequest, cell.StatusCode);
        Assert.Contains("cell size must be between 16 and 4096", (await cell.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal("extraction run 7 does not exist", (await training.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task TheStainReferencePictureIsThePngOfTheRegionAndA404WithoutOne()
    {
        var slide = Directory.EnumerateFiles(dataset.Folder, "normal_*.tif").First();
        int withReference, without;
        await using (var db = await _app.Db.CreateDbContextAsync())
        {
            var extraction = new ExtractionRun { Name = "e", DatasetPath = dataset.Folder, OutputDirectory = "/x", Status = RunStatus.Completed, CreatedAt = DateTimeOffset.UnixEpoch };
            var referenced = new TrainingRun
            {
                ExtractionRun = extraction, Preset = "tiny", OutputDirectory = "/x/a", CreatedAt = DateTimeOffset.UnixEpoch,
                Hyperparameters = $$"""{"model":"tiny","stainNormalize":"macenko","stainReference":"{{slide}}@256,256,1024,512"}""",
            };
            var plain = new TrainingRun { ExtractionRun = extraction, Preset = "tiny", OutputDirectory = "/x/b", CreatedAt = DateTimeOffset.UnixEpoch, Hyperparameters = """{"model":"tiny"}""" };
            db.TrainingRuns.AddRange(referenced, plain);
            await db.SaveChangesAsync();
            (withReference, without) = (referenced.Id, plain.Id);
        }

        var picture = await _client.GetAsync($"/api/training/{withReference}/stain-reference.png");
        var none = await _client.GetAsync($"/api/training/{without}/stain-reference.png");

        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.Equal("image/png", picture.Content.Headers.ContentType!.MediaType);
        using var png = NetVips.Image.NewFromBuffer(await picture.Content.ReadAsByteArrayAsync());
        // 1024 x 512 at level 0; the synthetic pyramid halves each level, and the picture is about 256 across.
        Assert.Equal((256, 128), (png.Width, png.Height));
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal($"training run {without} has no stain reference region", (await none.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task MalformedBodyIs400()
    {
        var response = await _client.PostAsync("/api/jobs/evaluation", new StringContent("{\"trainingRunId\": \"x\"", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("the body is not EvaluationJobParameters JSON", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task PostedJobIs201WithItsLocationAndDefaultsFilledIn()
    {
        var (datasetId, _) = await _app.RegisterDatasetAsync(dataset.Folder);

        var response = await _client.PostAsync("/api/jobs/extraction",
            new StringContent($"{{\"datasetId\": {datasetId}, \"tumorSlideThreshold\": 5}}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var job = (await response.Content.ReadFromJsonAsync<JobView>(TestApp.Json))!;
        Assert.Equal($"/api/jobs/{job.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(JobKind.Extraction, job.Kind);
        Assert.Equal(datasetId, job.DatasetId);
        Assert.Equal(299, job.Parameters.GetProperty("patchSize").GetInt32());
        Assert.Equal(5, job.Parameters.GetProperty("tumorSlideThreshold").GetInt32());
        Assert.Contains(job.Id, (await _app.GetAsync<List<JobView>>("/api/jobs")).Select(j => j.Id));
    }

    [Fact]
    public async Task AGivenMppSizesMicronCellsAtThatResolutionInsteadOfTheSlides()
    {
        var (datasetId, _) = await _app.RegisterDatasetAsync(dataset.Folder);

        // The synthetic slides say 0.25 µm per pixel: 32 µm is 128 pixels there, and so is 64 µm at a given 0.5.
        var ownResolution = await ExtractAsync(new ExtractionJobParameters(datasetId, TumorSlideThreshold: 5, CellMicrons: 32));
        var givenResolution = await ExtractAsync(new ExtractionJobParameters(datasetId, TumorSlideThreshold: 5, CellMicrons: 64, Mpp: 0.5));

        Assert.Equal((null, 0.5), (ownResolution.Run.Mpp, givenResolution.Run.Mpp));
        Assert.Equal(CellCounts(ownResolution), CellCounts(givenResolution));
        Assert.All(givenResolution.Slides, s => Assert.True(s.TissueCells > 0, $"{s.Name} has no tissue cells"));
    }

    private async Task<ExtractionDetailView> ExtractAsync(ExtractionJobParameters parameters)
    {
        var job = await _app.WaitForFinalAsync((await _app.PostJobAsync("extraction", parameters)).Id, TimeSpan.FromMinutes(3));
        Assert.Equal(RunStatus.Completed, job.Status);
        return await _app.GetAsync<ExtractionDetailView>($"/api/extractions/{job.RunId}");
    }

    private static string CellCounts(ExtractionDetailView run) =>
        string.Join("; ", run.Slides.OrderBy(s => s.Name).Select(s => $"{s.Name} {s.TissueCells}/{s.TumorCells}/{s.NormalCells}"));

    [Fact]
    public async Task CancellingOrResumingACompletedJobIs409()
    {
        var (datasetId, _) = await _app.RegisterDatasetAsync(dataset.Folder);
        var job = await _app.PostJobAsync("extraction", new ExtractionJobParameters(datasetId, TumorSlideThreshold: 5));
        await _app.WaitForFinalAsync(job.Id, TimeSpan.FromMinutes(3));

        var cancel = await _client.PostAsync($"/api/jobs/{job.Id}/cancel", null);
        var resume = await _client.PostAsync($"/api/jobs/{job.Id}/resume", null);
        var unknown = await _client.PostAsync("/api/jobs/99/cancel", null);

        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
        Assert.Contains("is Completed", (await cancel.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal(HttpStatusCode.Conflict, resume.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
