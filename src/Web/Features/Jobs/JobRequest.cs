using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Extraction;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Training;

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

    public static JobRequest Mining(MiningJobParameters p, string? by = null) =>
        new(JobKind.Mining, $"Hard negatives of extraction {p.ExtractionRunId}", p, by);
}

/// <summary>
/// Settings of an extraction job; the defaults are <see cref="ExtractionOptions"/>'. <paramref name="Mpp"/>, when given, is the
/// microns per level-0 pixel of every slide for the micron sizes, in place of what the slides say (the CLI's --mpp).
/// </summary>
public sealed record ExtractionJobParameters(
    int DatasetId,
    int Seed = ExtractionOptions.DefaultSeed,
    double TumorFraction = ExtractionOptions.DefaultTumorFraction,
    double NormalPerTumor = ExtractionOptions.DefaultNormalPerTumor,
    int TumorSlideThreshold = GridOptions.DefaultTumorSlideThreshold,
    int CellSize = AnalysisGrid.DefaultCellSize,
    int PatchSize = AnalysisGrid.DefaultContextSize,
    double ValidationFraction = ExtractionOptions.DefaultValidationFraction,
    double TestFraction = ExtractionOptions.DefaultTestFraction,
    double? CellMicrons = null,
    double? PatchMicrons = null,
    double? Mpp = null);

/// <summary>
/// Settings of a training job; null means the preset's default. <paramref name="ColorAugment"/> is none,
/// light or strong; <paramref name="StainNormalize"/> none, macenko or reinhard, with
/// <paramref name="StainReference"/> ("slide@x,y,w,h") or, when null, the training slides' median stain.
/// </summary>
public sealed record TrainingJobParameters(
    int ExtractionRunId,
    string Preset = "tiny",
    int Epochs = TrainingOptions.DefaultEpochs,
    int? BatchSize = null,
    double? LearningRate = null,
    int Seed = TrainingOptions.DefaultSeed,
    string ColorAugment = "none",
    string StainNormalize = "none",
    string? StainReference = null);

/// <summary>
/// Settings of an evaluation job: a trained model's last checkpoint scored on dataset slides, each patch
/// averaged over <paramref name="Tta"/> dihedral transforms (1 = off, 4, 8).
/// </summary>
public sealed record EvaluationJobParameters(int TrainingRunId, int DatasetId, IReadOnlyList<int> SlideIds, int Tta = 1);

/// <summary>
/// Settings of a hard-negative mining job: a trained model's last checkpoint scores the unsampled normal cells of
/// the extraction's training slides; the <paramref name="Top"/> highest-scoring become normal patches of a derived run.
/// </summary>
public sealed record MiningJobParameters(int ExtractionRunId, int TrainingRunId, int Top);
