namespace TumorWeb.Data.Entities;

/// <summary>Whole-slide heatmaps of a trained model on test slides, with the seed's ROC/AUC and FROC.</summary>
public class EvaluationRun
{
    public int Id { get; set; }
    public int? TrainingRunId { get; set; }
    public TrainingRun? TrainingRun { get; set; }
    public int? DatasetId { get; set; }

    /// <summary>The checkpoint (or baseline model file) that scored the slides.</summary>
    public string ModelPath { get; set; } = "";

    /// <summary>Folder of the per-slide heatmap outputs and evaluation.json.</summary>
    public string OutputDirectory { get; set; } = "";

    /// <summary>Test-time augmentation: each patch scored as the mean over this many dihedral transforms (1 = off, 4, 8).</summary>
    public int Tta { get; set; } = 1;

    public RunStatus Status { get; set; } = RunStatus.Queued;
    public double? SlideAuc { get; set; }

    /// <summary>Mean lesion sensitivity at 1/4..8 false positives per slide (CAMELYON16 FROC score).</summary>
    public double? FrocScore { get; set; }

    /// <summary>The full evaluation report (evaluation.json) once done.</summary>
    public string? Report { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? Error { get; set; }

    public List<EvaluationSlide> Slides { get; set; } = [];
}
