using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Inference;
using TumorWeb.Pipeline.Slides;
using TumorWeb.Pipeline.Tests.Grid;

namespace TumorWeb.Pipeline.Tests.Inference;

/// <summary>
/// Hand-made slide heatmaps for output and evaluation tests: tissue and tumor drawn as text
/// ('#' set), probabilities given row-major.
/// </summary>
internal static class HeatmapBuilder
{
    public static SlideHeatmap Build(string slideName, string[] tissueRows, string[]? tumorRows, float[] probabilities,
        string model = "constant", IReadOnlyList<string>? trainingSlides = null)
    {
        var tissue = CellMasks.Parse(tissueRows);
        var tumor = tumorRows is null ? new CellMask(tissue.Size) : CellMasks.Parse(tumorRows);
        var (width, height) = (tissue.Width, tissue.Height);
        var stats = new SlideGridStats(width, height, 128, tissue.Count, tumor.Count, tissue.Except(tumor).Count);
        var grid = new SlideGrid($"/slides/{slideName}.tif", width * 128L, height * 128L, RgbImage.Filled(width, height, 220, 180, 200),
            tissue, tumor, tissue.Except(tumor), stats, tumor.Count > 0 ? SlideRole.Tumor : SlideRole.Normal, new SlideGridTimings(0.1, 0.15), null);
        var scores = new HeatmapScores(probabilities, tissue.Count, Seconds: 2, ReadSeconds: 1.5, ModelSeconds: 0.5, WaitSeconds: 1.25);
        return new SlideHeatmap(grid, scores, model, 299, 32, tumorRows is not null, GridSeconds: 0.25, trainingSlides ?? []);
    }

    /// <summary>The cell AUC example of docs/evaluation.md: all cells 7/8, tissue only 3/4.</summary>
    public static SlideHeatmap DocsExample(string slideName = "tumor_001", IReadOnlyList<string>? trainingSlides = null) =>
        Build(slideName, [".##", "#.#"], ["...", "#.#"], [0f, 0.3f, 0.6f, 0.5f, 0f, 0.9f], trainingSlides: trainingSlides);
}
