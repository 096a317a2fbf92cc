using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Jobs;

/// <summary>What to queue: exactly one of the parameter records, matching <see cref="Kind"/>.</summary>
public sealed record JobRequest(JobKind Kind, string Title, object Parameters, string? CreatedBy = null)
{
    public static JobRequest Extraction(ExtractionJobParameters p, string? by = null) =>
        new(JobKind.Extraction, $"Extraction of dataset {p.DatasetId}", p, by);

    public static JobRequest Training(TrainingJobParameters p, string? by = null) =>
        new(JobKind.Training, $"Training {p.Preset} on extraction {p.ExtractionRunId}", p, by);

    public static JobRequest Evaluation(EvaluationJobParameters p, string? by = null) =>
        new(JobKind.Evaluation, $"Evaluation of training run {p.TrainingRunId}", p, by);
}

/// <summary>Settings of an extraction job; the defaults reproduce the seed.</summary>
public sealed record ExtractionJobParameters(
    int DatasetId,
    int Seed = 1,
    double TumorFraction = 1.0 / 3,
    double NormalPerTumor = 0.5,
    int TumorSlideThreshold = 100,
    int CellSize = 128,
    int PatchSize = 299);

/// <summary>Settings of a training job; null means the preset's default.</summary>
public sealed record TrainingJobParameters(
    int ExtractionRunId,
    string Preset = "tiny",
    int Epochs = 4,
    int? BatchSize = null,
    double? LearningRate = null,
    int Seed = 1);

/// <summary>Settings of an evaluation job: a trained model's last checkpoint scored on dataset slides.</summary>
public sealed record EvaluationJobParameters(int TrainingRunId, int DatasetId, IReadOnlyList<int> SlideIds);
