using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Evaluation;
using TumorWeb.Pipeline.Inference.Output;
using TumorWeb.Pipeline.Slides;
using TumorWeb.Web.Tests.Datasets;
using TumorWeb.Web.Tests.Pages;

namespace TumorWeb.Web.Tests.Sharing;

/// <summary>
/// The real app on a temp data folder and SQLite file, with a clock the tests move, two completed
/// evaluations (one slide each, heatmap files and figure written as the pipeline writes them) and a
/// training run with stored metrics.
/// </summary>
public sealed class SharingAppFixture : IAsyncLifetime
{
    public const string SlideName = "tumor_001";
    private readonly string _root = Directory.CreateTempSubdirectory("tumorweb-sharing-").FullName;
    private WebApplicationFactory<Program>? _factory;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public string DataDirectory => Path.Combine(_root, "data");
    public WebApplicationFactory<Program> Factory => _factory!;
    public int EvaluationId { get; private set; }
    public int EvaluationSlideId { get; private set; }
    public int OtherEvaluationId { get; private set; }
    public int OtherEvaluationSlideId { get; private set; }
    public int TrainingRunId { get; private set; }
    public string EvaluationOutputDirectory => Path.Combine(DataDirectory, "runs", "evaluation-1");

    public async Task InitializeAsync()
    {
        _factory = new TumorWebFactory(DataDirectory, services: s => s.AddSingleton<TimeProvider>(Clock));
        _factory.CreateClient().Dispose();
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>().CreateDbContextAsync();
        var extraction = RunRows.Extraction(Path.Combine(DataDirectory, "runs", "extraction-1"));
        var training = RunRows.Training(extraction, outputDirectory: Path.Combine(DataDirectory, "runs", "training-1"));
        training.Status = RunStatus.Completed;
        training.Hyperparameters = """{"model":"tiny","epochs":2,"batchSize":32,"learningRate":0.001,"seed":1,"weightsFile":"/lab/secret/weights/tiny.pt"}""";
        db.TrainingMetrics.AddRange(
            RunRows.Metric(training, TrainingPhase.Train, 1, 10, 0.69, 0.55),
            RunRows.Metric(training, TrainingPhase.Validation, 1, 10, 0.6, 0.7, 0.8),
            RunRows.Metric(training, TrainingPhase.Train, 2, 20, 0.52, 0.75),
            RunRows.Metric(training, TrainingPhase.Validation, 2, 20, 0.48, 0.8, 0.9));
        var evaluation = Evaluation(EvaluationOutputDirectory, training);
        var other = Evaluation(Path.Combine(DataDirectory, "runs", "evaluation-2"), training);
        db.EvaluationRuns.AddRange(evaluation, other);
        await db.SaveChangesAsync();
        (EvaluationId, EvaluationSlideId) = (evaluation.Id, evaluation.Slides[0].Id);
        (OtherEvaluationId, OtherEvaluationSlideId) = (other.Id, other.Slides[0].Id);
        TrainingRunId = training.Id;
    }

    private static EvaluationRun Evaluation(string outputDirectory, TrainingRun training)
    {
        var folder = DocsExampleHeatmap.Write(outputDirectory, SlideName, withFigure: true);
        var froc = new FrocReport([new(0.25, 0.2), new(0.5, 0.6), new(1, null)], 0.4, 3);
        var report = new EvaluationReport(outputDirectory, [], 0.75, froc, [], "roc.png", "evaluation.json");
        return new EvaluationRun
        {
            TrainingRun = training, ModelPath = Path.Combine(training.OutputDirectory, "checkpoints", "epoch-002.ckpt"),
            OutputDirectory = outputDirectory, Status = RunStatus.Completed, SlideAuc = 0.75, FrocScore = 0.4,
            Report = JsonSerializer.Serialize(report, EvaluationReportFile.Json), CreatedAt = RunRows.Start,
            Slides =
            [
                new EvaluationSlide
                {
                    Name = SlideName, SlidePath = $"/data/demo/{SlideName}.tif", HeatmapDirectory = folder, Auc = 0.875, AucTissue = 0.75,
                    MaxScore = 0.9, TumorCells = 2, Status = SlideStatus.Completed,
                },
            ],
        };
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
