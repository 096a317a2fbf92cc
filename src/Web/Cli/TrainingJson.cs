using TumorWeb.Pipeline.Training;

namespace TumorWeb.Web.Cli;

/// <summary>The --json summary of train: the run, its final checkpoint, each epoch's metrics and the throughput.</summary>
public sealed record TrainingJson(int RunId, string Model, int Epochs, string? Checkpoint, IReadOnlyList<EpochMetrics> Metrics, double ImagesPerSecond)
{
    public static TrainingJson From(TrainingReport report) =>
        new(report.RunId, report.Preset.Name(), report.Epochs, report.Checkpoint, report.Metrics, Math.Round(report.ImagesPerSecond, 2));
}
