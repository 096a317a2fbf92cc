using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Annotations;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Runs;
using TumorWeb.Web.Tests.Accounts;

namespace TumorWeb.Web.Tests.Jobs;

/// <summary>
/// Hard-negative mining as a job started through the extraction's API, training on its derived run, and an evaluation with TTA.
/// One slide takes its ground truth from regions drawn in the app: mining passes them on, and refuses once they change.
/// </summary>
public sealed class MiningAndTtaJobTests(SyntheticDataset dataset) : IClassFixture<SyntheticDataset>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    /// <summary>
    /// An exclusion region drawn on normal_001 (it keeps the slide normal, so the rest of the run is the usual one), as the
    /// viewer's save leaves it, and the slide switched to its drawn regions. Written directly: the API's switch rescans the
    /// dataset, which lies outside this app's data roots.
    /// </summary>
    private static async Task<int> DrawExclusionAsync(TestApp app, int datasetId, int side)
    {
        await using var db = await app.Db.CreateDbContextAsync();
        var slide = await db.RegisteredSlides.SingleAsync(s => s.DatasetId == datasetId && s.Name == "normal_001");
        slide.UseAppAnnotations = true;
        await db.SlideAnnotations.Where(a => a.RegisteredSlideId == slide.Id).ExecuteDeleteAsync();
        db.SlideAnnotations.Add(new SlideAnnotation
        {
            RegisteredSlideId = slide.Id, FeatureId = "x", Kind = AnnotationKind.Exclusion, Author = "test",
            Points = AnnotationRows.PointsJson([new(0, 0), new(side, 0), new(side, side), new(0, side)]),
        });
        await db.SaveChangesAsync();
        return slide.Id;
    }

    [Fact]
    public async Task MinedRunIsDerivedFromTheExtractionAndTrainsAndEvaluationsRecordTheirTta()
    {
        await using var app = new TestApp(dataset.NewDataDirectory());
        var (datasetId, slideIds) = await app.RegisterDatasetAsync(dataset.Folder);
        var client = app.CreateClientAs();
        await DrawExclusionAsync(app, datasetId, 512);
        var extraction = await app.WaitForFinalAsync(
            (await app.PostJobAsync("extraction", new ExtractionJobParameters(datasetId, TumorSlideThreshold: 5))).Id, Patience);
        var training = await app.WaitForFinalAsync(
            (await app.PostJobAsync("training", new TrainingJobParameters(extraction.RunId!.Value, "tiny", Epochs: 1))).Id, Patience);
        Assert.True(training.Status == RunStatus.Completed, $"training {training.Status}: {training.Message}");

        var badTop = await client.PostAsJsonAsync($"/api/extractions/{extraction.RunId}/mine", new { trainingRunId = training.RunId, top = 0 }, TestApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, badTop.StatusCode);
        var started = await client.PostAsJsonAsync($"/api/extractions/{extraction.RunId}/mine", new { trainingRunId = training.RunId, top = 3 }, TestApp.Json);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var job = (await started.Content.ReadFromJsonAsync<JobView>(TestApp.Json))!;
        Assert.Equal(JobKind.Mining, job.Kind);
        var mining = await app.WaitForFinalAsync(job.Id, Patience);
        Assert.True(mining.Status == RunStatus.Completed, $"mining {mining.Status}: {mining.Message}");

        var source = await app.GetAsync<ExtractionDetailView>($"/api/extractions/{extraction.RunId}");
        var derived = await app.GetAsync<ExtractionDetailView>($"/api/extractions/{mining.RunId}");
        Assert.Equal(extraction.RunId, derived.Run.DerivedFromRunId);
        Assert.StartsWith("hard negatives: top 3 from model tiny (training run", derived.Run.Derivation);
        Assert.Equal(source.Slides.Select(s => (s.Name, s.Split)), derived.Slides.Select(s => (s.Name, s.Split)));
        Assert.Equal(source.Slides.Sum(s => s.NormalExtracted) + 3, derived.Slides.Sum(s => s.NormalExtracted));
        Assert.Equal(source.Slides.Where(s => s.Split != DataSplit.Train).Select(s => s.NormalExtracted),
            derived.Slides.Where(s => s.Split != DataSplit.Train).Select(s => s.NormalExtracted));
        var drawnHash = source.Slides.Single(s => s.Name == "normal_001").AnnotationsHash;
        Assert.NotNull(drawnHash);
        Assert.Equal(source.Slides.Select(s => (s.Name, s.AnnotationsHash)), derived.Slides.Select(s => (s.Name, s.AnnotationsHash)));

        var retrained = await app.WaitForFinalAsync(
            (await app.PostJobAsync("training", new TrainingJobParameters(mining.RunId!.Value, "tiny", Epochs: 1))).Id, Patience);
        Assert.True(retrained.Status == RunStatus.Completed, $"training on the derived run {retrained.Status}: {retrained.Message}");

        var badTta = await client.PostAsJsonAsync("/api/jobs/evaluation", new EvaluationJobParameters(retrained.RunId!.Value, datasetId, slideIds, Tta: 3), TestApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, badTta.StatusCode);
        Assert.Contains("1, 4 or 8", await badTta.Content.ReadAsStringAsync());
        var evaluation = await app.WaitForFinalAsync(
            (await app.PostJobAsync("evaluation", new EvaluationJobParameters(retrained.RunId!.Value, datasetId, slideIds[..1], Tta: 4))).Id, Patience);
        Assert.True(evaluation.Status == RunStatus.Completed, $"evaluation {evaluation.Status}: {evaluation.Message}");
        Assert.Equal(4, (await app.GetAsync<EvaluationDetailView>($"/api/evaluations/{evaluation.RunId}")).Run.Tta);

        // Regions edited since the extraction: mining it again would mine against ground truth it was not cut from.
        await DrawExclusionAsync(app, datasetId, 768);
        var again = await client.PostAsJsonAsync($"/api/extractions/{extraction.RunId}/mine", new { trainingRunId = training.RunId, top = 3 }, TestApp.Json);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var stale = await app.WaitForFinalAsync((await again.Content.ReadFromJsonAsync<JobView>(TestApp.Json))!.Id, Patience);
        Assert.Equal(RunStatus.Failed, stale.Status);
        Assert.Contains($"the ground truth of slide normal_001 changed since extraction run {extraction.RunId} (drawn annotations {drawnHash} then,", stale.Message);
    }
}
