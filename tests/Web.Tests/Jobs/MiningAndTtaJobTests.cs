using System.Net;
using System.Net.Http.Json;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Runs;
using TumorWeb.Web.Tests.Accounts;

namespace TumorWeb.Web.Tests.Jobs;

/// <summary>Hard-negative mining as a job started through the extraction's API, training on its derived run, and an evaluation with TTA.</summary>
public sealed class MiningAndTtaJobTests(SyntheticDataset dataset) : IClassFixture<SyntheticDataset>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task MinedRunIsDerivedFromTheExtractionAndTrainsAndEvaluationsRecordTheirTta()
    {
        await using var app = new TestApp(dataset.NewDataDirectory());
        var (datasetId, slideIds) = await app.RegisterDatasetAsync(dataset.Folder);
        var extraction = await app.WaitForFinalAsync(
            (await app.PostJobAsync("extraction", new ExtractionJobParameters(datasetId, TumorSlideThreshold: 5))).Id, Patience);
        var training = await app.WaitForFinalAsync(
            (await app.PostJobAsync("training", new TrainingJobParameters(extraction.RunId!.Value, "tiny", Epochs: 1))).Id, Patience);
        Assert.True(training.Status == RunStatus.Completed, $"training {training.Status}: {training.Message}");

        var client = app.CreateClientAs();
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
    }
}
