using TumorWeb.Pipeline.Training;

namespace TumorWeb.Web.Cli;

/// <summary>
/// The --json summary of train: the run, its final checkpoint, each epoch's metrics, the throughput,
/// and its colour options (colour augmentation, stain normalisation and its reference).
/// </summary>
public sealed record TrainingJson(int RunId, string Model, int Epochs, string? Checkpoint, IReadOnlyList<EpochMetrics> Metrics, double ImagesPerSecond,
    string ColorAugment = "none", string StainNormalize = "none", string? StainReference = null)
{
    public static TrainingJson From(TrainingReport report) =>
        new(report.RunId, report.Preset.Name(), report.Epochs, report.Checkpoint, report.Metrics, Math.Round(report.ImagesPerSecond, 2),
            report.Hyperparameters.ColorAugment, report.Hyperparameters.StainNormalize, report.Hyperparameters.StainReference);
}
