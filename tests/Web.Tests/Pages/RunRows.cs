using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Tests.Pages;

/// <summary>Builders of catalog rows with just what a test names filled in.</summary>
public static class RunRows
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    public static ExtractionRun Extraction(string outputDirectory = "/runs/extraction-1", RunStatus status = RunStatus.Completed) =>
        new() { Name = "demo", DatasetPath = "/data/demo", OutputDirectory = outputDirectory, Seed = 1, Status = status, CreatedAt = Start };

    public static TrainingRun Training(ExtractionRun extraction, string preset = "tiny", string outputDirectory = "/runs/training-1") =>
        new()
        {
            ExtractionRun = extraction,
            Preset = preset,
            Hyperparameters = """{"model":"tiny","epochs":3,"batchSize":32,"learningRate":0.001,"seed":1}""",
            Status = RunStatus.Running,
            OutputDirectory = outputDirectory,
            CreatedAt = Start,
            StartedAt = Start,
        };

    public static TrainingMetric Metric(TrainingRun run, TrainingPhase phase, int epoch, long step, double loss, double accuracy, double? auc = null) =>
        new() { TrainingRun = run, Phase = phase, Epoch = epoch, Step = step, Loss = loss, Accuracy = accuracy, Auc = auc, Images = 64, ImagesPerSecond = 120, At = Start };
}
