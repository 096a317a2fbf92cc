using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Runs;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Tests.Accounts;

namespace TumorWeb.Web.Tests.Jobs;

/// <summary>Extraction, tiny-model training and evaluation as queued jobs, then their results through the API.</summary>
public sealed class TrainingAndEvaluationJobTests(SyntheticDataset dataset) : IClassFixture<SyntheticDataset>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task TrainedModelIsEvaluatedAndItsHeatmapsAndRocAreServed()
    {
        var data = dataset.NewDataDirectory();
        await using var app = new TestApp(data);
        var (datasetId, slideIds) = await app.RegisterDatasetAsync(dataset.Folder);
        var metrics = new List<RunMetric>();
        using var subscription = app.Services.GetRequiredService<IRunNotifier>().Subscribe(e =>
        {
            if (e.Metric is { } m) lock (metrics) metrics.Add(m);
        });

        var extraction = await app.WaitForFinalAsync(
            (await app.PostJobAsync("extraction", new ExtractionJobParameters(datasetId, TumorSlideThreshold: 5))).Id, Patience);
        var training = await app.WaitForFinalAsync(
            (await app.PostJobAsync("training", new TrainingJobParameters(extraction.RunId!.Value, "tiny", Epochs: 2))).Id, Patience);
        Assert.True(training.Status == RunStatus.Completed, $"training {training.Status}: {training.Message}");
        var evaluation = await app.WaitForFinalAsync(
            (await app.PostJobAsync("evaluation", new EvaluationJobParameters(training.RunId!.Value, datasetId, slideIds))).Id, Patience);
        Assert.True(evaluation.Status == RunStatus.Completed, $"evaluation {evaluation.Status}: {evaluation.Message}");

        var stored = await app.GetAsync<List<MetricView>>($"/api/training/{training.RunId}/metrics");
        Assert.Contains(stored, m => m.Phase == "train");
        lock (metrics) Assert.Equal(stored.Select(m => (m.Phase, m.Step, m.Loss)), metrics.Select(m => (m.Phase, m.Step, m.Loss)));
        Assert.Contains("epoch-002.ckpt", (await app.GetAsync<TrainingDetailView>($"/api/training/{training.RunId}")).Checkpoints);

        var result = await app.GetAsync<EvaluationDetailView>($"/api/evaluations/{evaluation.RunId}");
        Assert.Equal(3, result.Slides.Count);
        Assert.All(result.Slides, s => Assert.Equal(SlideStatus.Completed, s.Status));
        var run = await app.GetAsync<ExtractionDetailView>($"/api/extractions/{extraction.RunId}");
        var seen = run.Slides.Where(s => s.Split != DataSplit.Test).Select(s => s.Name).Order();
        Assert.Equal(seen, result.Slides.Where(s => s.UsedInTraining).Select(s => s.Name).Order());
        Assert.NotNull(result.Report);

        var tumorSlide = result.Slides.First(s => s.TumorCells > 0);
        var client = app.CreateClientAs();
        var png = await client.GetAsync($"/api/evaluations/{evaluation.RunId}/slides/{tumorSlide.Id}/heatmap.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        var csv = await client.GetStringAsync($"/api/evaluations/{evaluation.RunId}/slides/{tumorSlide.Id}/cells.csv");
        Assert.True(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > (SyntheticDataset.Side / 128) * (SyntheticDataset.Side / 128));
        var roc = await app.GetAsync<RocView>($"/api/evaluations/{evaluation.RunId}/slides/{tumorSlide.Id}/roc");
        Assert.Equal(tumorSlide.Auc!.Value, roc.Auc!.Value, 9);
        Assert.Equal((0.0, 0.0, (double?)null), (roc.Points[0].Fpr, roc.Points[0].Tpr, roc.Points[0].Threshold));
        Assert.Equal((1.0, 1.0), (roc.Points[^1].Fpr, roc.Points[^1].Tpr));
        Assert.Equal(HttpStatusCode.NotFound,
            (await client.GetAsync($"/api/evaluations/{evaluation.RunId}/slides/{tumorSlide.Id}/..%2F..%2Ftumorweb.db")).StatusCode);

        await SameEvaluationInStagesByTwoWorkersMeasuresTheSame(app, Path.Combine(data, "evaluation-in-stages"), training.RunId.Value, datasetId, slideIds, result);
    }

    /// <summary>As a cluster runs it: the first stage, the slides shared by two workers at once in reverse order, then the measurement.</summary>
    private static async Task SameEvaluationInStagesByTwoWorkersMeasuresTheSame(TestApp app, string output, int trainingRunId, int datasetId,
        IReadOnlyList<int> slideIds, EvaluationDetailView whole)
    {
        var factory = app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<TumorWeb.Data.TumorWebDbContext>>();
        var options = new TumorWeb.Pipeline.Evaluation.EvaluationRunOptions
        {
            TrainingRunId = trainingRunId, DatasetId = datasetId, SlideIds = slideIds,
            OutputDirectory = output,
        };
        var begun = await new TumorWeb.Pipeline.Evaluation.EvaluationStages(factory, TimeProvider.System).BeginAsync(options, null, CancellationToken.None);
        var reversed = begun.Slides.Reverse().ToList();
        async Task Worker(IEnumerable<string> slides)
        {
            var stages = new TumorWeb.Pipeline.Evaluation.EvaluationStages(factory, TimeProvider.System);
            foreach (var slide in slides) await stages.ScoreSlideAsync(options, slide, null, CancellationToken.None);
        }
        await Task.WhenAll(Task.Run(() => Worker(reversed.Where((_, i) => i % 2 == 0))), Task.Run(() => Worker(reversed.Where((_, i) => i % 2 == 1))));
        var report = await new TumorWeb.Pipeline.Evaluation.EvaluationStages(factory, TimeProvider.System).FinishAsync(options, null, CancellationToken.None);

        var staged = await app.GetAsync<EvaluationDetailView>($"/api/evaluations/{report.RunId}");
        Assert.Equal(RunStatus.Completed, report.Status);
        Assert.NotNull(whole.Run.SlideAuc);
        Assert.Equal(whole.Run.SlideAuc, staged.Run.SlideAuc);
        Assert.Equal(whole.Run.FrocScore, staged.Run.FrocScore);
        Assert.Equal(whole.Slides.Select(s => (s.Name, s.Auc, s.AucTissue, s.MaxScore)), staged.Slides.Select(s => (s.Name, s.Auc, s.AucTissue, s.MaxScore)));
    }
}
