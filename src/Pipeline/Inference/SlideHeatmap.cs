using TumorWeb.Pipeline.Evaluation;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Stain;

namespace TumorWeb.Pipeline.Inference;

/// <summary>
/// Whole-slide inference's result: the grid (tissue, ground truth, thumbnail) and the probability
/// of every cell (row-major, 0 outside the tissue).
/// </summary>
public sealed record SlideHeatmap(
    SlideGrid Grid,
    HeatmapScores Scores,
    string ModelName,
    int PatchSize,
    int BatchSize,
    bool HasGroundTruth,
    double GridSeconds,
    IReadOnlyList<string> TrainingSlides,
    IReadOnlyList<string>? TrainingSlideHashes = null,
    string? SlideHash = null,
    int Tta = 1,
    StainReport? Stain = null)
{
    /// <summary>The slide's file name without extension: "tumor_064" for tumor_064.tif.</summary>
    public string SlideName => Path.GetFileNameWithoutExtension(Grid.SlidePath);

    public float[] Probabilities => Scores.Probabilities;

    /// <summary>The seed's AUC over every cell; NaN without ground truth or without a tumor cell.</summary>
    public double AllCellsAuc => HasGroundTruth ? CellAuc.AllCells(Probabilities, CellFlags.Of(Grid.Tumor)).Auc : double.NaN;

    /// <summary>AUC over tissue cells only; NaN without ground truth or when the tissue lacks tumor or normal cells.</summary>
    public double TissueAuc => HasGroundTruth ? CellAuc.TissueCells(Probabilities, CellFlags.Of(Grid.Tumor), CellFlags.Of(Grid.Tissue)).Auc : double.NaN;
}
