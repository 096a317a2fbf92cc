using TumorWeb.Pipeline.Stain;

namespace TumorWeb.Pipeline.Inference.Output;

/// <summary>
/// heatmap.json: what was scored, by which model, how fast, and the slide's AUCs (null without
/// ground truth or when undefined). Field names (camelCase in JSON) are an interface for scripts.
/// </summary>
/// <param name="Seconds">Wall time of scoring (reading overlapped with the model), grid stage excluded.</param>
/// <param name="CellsPerSecond">Tissue cells scored per second of <paramref name="Seconds"/>.</param>
/// <param name="ReadSeconds">Time spent reading patches from the slide (overlaps the model's time).</param>
/// <param name="ModelSeconds">Time spent inside the model.</param>
/// <param name="WaitSeconds">Time the model waited for patches.</param>
/// <param name="TrainingSlides">The slides the model was trained on (empty for the baseline).</param>
/// <param name="Tta">Dihedral transforms each patch was scored under and averaged over (1 = none, 4, 8); files without it had 1.</param>
/// <param name="StainNormalize">The stain normalisation applied before scoring: none, macenko or reinhard.</param>
/// <param name="Warnings">Why these scores may mislead, e.g. the slide's stain lies outside the model's training range.</param>
public sealed record HeatmapSummary(
    string Slide,
    string SlidePath,
    int GridWidth,
    int GridHeight,
    int CellSize,
    int PatchSize,
    int TissueCells,
    int TumorCells,
    bool HasGroundTruth,
    string Model,
    int BatchSize,
    double Seconds,
    double CellsPerSecond,
    double GridSeconds,
    double ReadSeconds,
    double ModelSeconds,
    double WaitSeconds,
    double? Auc,
    double? AucTissue,
    string[]? TrainingSlides,
    string? SlideHash = null,
    string[]? TrainingSlideHashes = null,
    int Tta = 1,
    string? StainNormalize = null,
    string[]? Warnings = null)
{
    public static HeatmapSummary From(SlideHeatmap heatmap)
    {
        var stats = heatmap.Grid.Stats;
        var scores = heatmap.Scores;
        return new HeatmapSummary(heatmap.SlideName, heatmap.Grid.SlidePath, stats.GridWidth, stats.GridHeight, stats.CellSize,
            heatmap.PatchSize, stats.TissueCells, stats.TumorCells, heatmap.HasGroundTruth, heatmap.ModelName, heatmap.BatchSize,
            Round(scores.Seconds), Round(scores.CellsPerSecond), Round(heatmap.GridSeconds), Round(scores.ReadSeconds),
            Round(scores.ModelSeconds), Round(scores.WaitSeconds),
            JsonNumber.OrNull(heatmap.AllCellsAuc), JsonNumber.OrNull(heatmap.TissueAuc), [.. heatmap.TrainingSlides],
            heatmap.SlideHash, heatmap.TrainingSlideHashes is null ? null : [.. heatmap.TrainingSlideHashes],
            heatmap.Tta,
            heatmap.Stain?.Normalize ?? StainReport.None.Normalize, [.. heatmap.Stain?.Warnings ?? []]);
    }

    private static double Round(double value) => Math.Round(value, 3);
}
