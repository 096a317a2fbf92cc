using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Runs;

namespace TumorWeb.Web.Tests.Jobs;

/// <summary>An extraction job that can produce no patch fails, and says why and what to change.</summary>
public sealed class EmptyExtractionJobTests(SyntheticDataset dataset) : IClassFixture<SyntheticDataset>
{
    [Fact]
    public async Task JobOnSlidesAllUnderTheThresholdFailsWithTheReasonAndTheFix()
    {
        await using var app = new TestApp(dataset.NewDataDirectory());
        var (datasetId, _) = await app.RegisterDatasetAsync(dataset.Folder);

        var job = await app.PostJobAsync("extraction", new ExtractionJobParameters(datasetId, TumorSlideThreshold: 1_000_000));
        var done = await app.WaitForFinalAsync(job.Id, TimeSpan.FromMinutes(3));

        Assert.Equal(RunStatus.Failed, done.Status);
        Assert.Contains("no tumour slide: every slide has fewer than 1000000 tumour cells", done.Error);
        Assert.Contains("lower --tumor-slide-threshold", done.Error);
        var run = await app.GetAsync<ExtractionDetailView>($"/api/extractions/{done.RunId}");
        Assert.Equal(RunStatus.Failed, run.Run.Status);
        Assert.Equal(0, run.Slides.Sum(s => s.TumorExtracted + s.NormalExtracted));
    }

    [Fact]
    public async Task AJobIsTitledWithTheDatasetsNameAndItsSeedNotIds()
    {
        await using var app = new TestApp(dataset.NewDataDirectory());
        var (datasetId, _) = await app.RegisterDatasetAsync(dataset.Folder);

        var job = await app.PostJobAsync("extraction", new ExtractionJobParameters(datasetId, Seed: 3, TumorSlideThreshold: 1_000_000));

        Assert.Equal($"Extraction of {Path.GetFileName(dataset.Folder)} (seed 3)", job.Title);
        await app.WaitForFinalAsync(job.Id, TimeSpan.FromMinutes(3));
    }
}
