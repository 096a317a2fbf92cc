using TumorWeb.Pipeline.Inference.Output;

namespace TumorWeb.Pipeline.Evaluation;

/// <summary>One slide's numbers and its tissue ROC curve (for the chart).</summary>
internal sealed record SlideMeasures(int Index, SlideEvaluation Evaluation, RocCurve TissueRoc)
{
    public static SlideMeasures Of(StoredHeatmap heatmap, int index)
    {
        var cells = heatmap.Cells;
        var tumor = cells.Tumor ?? throw new ArgumentException($"{heatmap.Name}: no ground truth to measure against");
        var all = CellAuc.AllCells(cells.Probabilities, tumor);
        var tissue = CellAuc.TissueCells(cells.Probabilities, tumor, cells.Tissue);
        var evaluation = new SlideEvaluation(heatmap.Name, heatmap.Summary.Model, cells.Probabilities.Length,
            cells.Tissue.Count(t => t), tumor.Count(t => t), tumor.Any(t => t), cells.Probabilities.Max(),
            JsonNumber.OrNull(all.Auc), JsonNumber.OrNull(tissue.Auc), SlidePalette.Hex(index),
            heatmap.Summary.StainNormalize);
        return new SlideMeasures(index, evaluation, tissue);
    }
}
