namespace TumorWeb.Data.Entities;

/// <summary>One test slide of an evaluation: where its heatmap files are and its AUCs.</summary>
public class EvaluationSlide
{
    public int Id { get; set; }
    public int EvaluationRunId { get; set; }
    public EvaluationRun? EvaluationRun { get; set; }

    public string Name { get; set; } = "";
    public string SlidePath { get; set; } = "";

    /// <summary>Folder of this slide's heatmap.npy, cells.csv, heatmap.png, figure.png, heatmap.json.</summary>
    public string HeatmapDirectory { get; set; } = "";

    /// <summary>ROC AUC over all grid cells (the seed's) and over tissue cells only; null when undefined.</summary>
    public double? Auc { get; set; }
    public double? AucTissue { get; set; }
    public double MaxScore { get; set; }
    public int TumorCells { get; set; }

    /// <summary>Hash of the app's drawn annotations taken as ground truth; null when the slide's files were.</summary>
    public string? AnnotationsHash { get; set; }

    /// <summary>The slide was also a training slide of the model (the seed tested on training slides).</summary>
    public bool UsedInTraining { get; set; }

    public SlideStatus Status { get; set; } = SlideStatus.Pending;
    public string? Error { get; set; }
}
