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
}

/// <summary>Settings of an extraction job; the defaults are <see cref="ExtractionOptions"/>'.</summary>
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
    double? PatchMicrons = null);

/// <summary>Settings of a training job; null means the preset's default.</summary>
public sealed record TrainingJobParameters(
    int ExtractionRunId,
    string Preset = "tiny",
    int Epochs = TrainingOptions.DefaultEpochs,
    int? BatchSize = null,
    double? LearningRate = null,
    int Seed = TrainingOptions.DefaultSeed);

/// <summary>Settings of an evaluation job: a trained model's last checkpoint scored on dataset slides.</summary>
public sealed record EvaluationJobParameters(int TrainingRunId, int DatasetId, IReadOnlyList<int> SlideIds);
