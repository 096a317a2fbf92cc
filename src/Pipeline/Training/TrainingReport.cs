using TumorWeb.Data.Entities;

namespace TumorWeb.Pipeline.Training;

/// <summary>
/// What a training run produced: its id and folder, the final checkpoint, each epoch's metrics
/// (including epochs trained before a resume) and the training throughput of this session.
/// </summary>
public sealed record TrainingReport(
    int RunId,
    ModelPreset Preset,
    int Epochs,
    RunStatus Status,
    string OutputDirectory,
    string? Checkpoint,
    IReadOnlyList<EpochMetrics> Metrics,
    double ImagesPerSecond,
    TrainingHyperparameters Hyperparameters);
