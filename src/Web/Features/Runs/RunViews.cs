using System.Text.Json;
using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Runs;

/// <summary>What the runs API (/api/extractions, /api/training, /api/evaluations) returns (camelCase, enums by name). Rows are copied into these so no entity graph leaks out.</summary>
public sealed record ExtractionView(int Id, string Name, int? DatasetId, RunStatus Status, int Seed, int CellSize, int PatchSize,
    double TumorFraction, double NormalPerTumor, int TumorSlideThreshold, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt, string? Error, string OutputDirectory, int? DerivedFromRunId = null, string? Derivation = null,
    double? CellMicrons = null, double? PatchMicrons = null, double? Mpp = null)
{
    public static ExtractionView From(ExtractionRun r) => new(r.Id, r.Name, r.DatasetId, r.Status, r.Seed, r.CellSize, r.PatchSize,
        r.TumorFraction, r.NormalPerTumor, r.TumorSlideThreshold, r.CreatedAt, r.StartedAt, r.CompletedAt, r.Error, r.OutputDirectory,
        r.DerivedFromRunId, r.Derivation, r.CellMicrons, r.PatchMicrons, r.Mpp);
}

public sealed record ExtractionDetailView(ExtractionView Run, IReadOnlyList<RunSlideView> Slides);

public sealed record RunSlideView(int Id, string Name, SlideRole Role, DataSplit Split, int TissueCells, int TumorCells, int NormalCells,
    int TumorExtracted, int NormalExtracted, SlideStatus Status, string? Error, string? AnnotationsHash)
{
    public static RunSlideView From(RunSlide s) => new(s.Id, s.Name, s.Role, s.Split, s.TissueCells, s.TumorCells, s.NormalCells,
        s.TumorExtracted, s.NormalExtracted, s.Status, s.Error, s.AnnotationsHash);
}

public sealed record TrainingView(int Id, int ExtractionRunId, string Preset, RunStatus Status, JsonElement Hyperparameters,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, string? Error, string OutputDirectory)
{
    public static TrainingView From(TrainingRun r) => new(r.Id, r.ExtractionRunId, r.Preset, r.Status,
        JsonDocument.Parse(r.Hyperparameters).RootElement.Clone(), r.CreatedAt, r.StartedAt, r.CompletedAt, r.Error, r.OutputDirectory);
}

/// <summary>A run with its last validation point (the numbers a list of runs compares) and its checkpoint files.</summary>
public sealed record TrainingDetailView(TrainingView Run, MetricView? LastValidation, IReadOnlyList<string> Checkpoints);

public sealed record MetricView(string Phase, int Epoch, long Step, double Loss, double Accuracy, double? Auc, int Images,
    double ImagesPerSecond, DateTimeOffset At)
{
    public static MetricView From(TrainingMetric m) => new(m.Phase == TrainingPhase.Train ? "train" : "validation", m.Epoch, m.Step,
        m.Loss, m.Accuracy, m.Auc, m.Images, m.ImagesPerSecond, m.At);
}

public sealed record EvaluationView(int Id, int? TrainingRunId, int? DatasetId, string ModelPath, RunStatus Status, double? SlideAuc,
    double? FrocScore, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, string? Error, int Tta = 1)
{
    public static EvaluationView From(EvaluationRun r) => new(r.Id, r.TrainingRunId, r.DatasetId, r.ModelPath, r.Status, r.SlideAuc,
        r.FrocScore, r.CreatedAt, r.StartedAt, r.CompletedAt, r.Error, r.Tta);
}

/// <summary>An evaluation with its slides and evaluation.json (null until measured).</summary>
public sealed record EvaluationDetailView(EvaluationView Run, IReadOnlyList<EvaluationSlideView> Slides, JsonElement? Report);

public sealed record EvaluationSlideView(int Id, string Name, SlideStatus Status, double? Auc, double? AucTissue, double MaxScore,
    int TumorCells, bool UsedInTraining, string? Error, string? AnnotationsHash)
{
    public static EvaluationSlideView From(EvaluationSlide s) => new(s.Id, s.Name, s.Status, s.Auc, s.AucTissue, s.MaxScore, s.TumorCells,
        s.UsedInTraining, s.Error, s.AnnotationsHash);
}
