using TumorWeb.Pipeline.Evaluation;
using TumorWeb.Pipeline.Inference.Output;

namespace TumorWeb.Web.Features.Runs;

/// <summary>
/// A slide's ROC curves for charts: over all cells (the seed's) and over tissue cells, each thinned
/// by <see cref="Roc.Downsample"/> (exact AUCs kept). Undefined curves have no points and a null AUC.
/// </summary>
public sealed record RocView(double? Auc, double? AucTissue, IReadOnlyList<RocPointView> Points, IReadOnlyList<RocPointView> TissuePoints)
{
    public static RocView Of(HeatmapCells cells, int maxPoints)
    {
        var all = CellAuc.AllCells(cells.Probabilities, cells.Tumor!);
        var tissue = CellAuc.TissueCells(cells.Probabilities, cells.Tumor!, cells.Tissue);
        return new RocView(JsonNumber.OrNull(all.Auc), JsonNumber.OrNull(tissue.Auc), PointsOf(all, maxPoints), PointsOf(tissue, maxPoints));
    }

    private static List<RocPointView> PointsOf(RocCurve curve, int maxPoints) => curve.IsDefined
        ? Roc.Downsample(curve, maxPoints).Points.Select(p => new RocPointView(p.FalsePositiveRate, p.TruePositiveRate, JsonNumber.OrNull(p.Threshold))).ToList()
        : [];
}

/// <summary>One point: false and true positive rates, and the threshold (null for the first point's +infinity).</summary>
public sealed record RocPointView(double Fpr, double Tpr, double? Threshold);
