namespace TumorWeb.Pipeline.Evaluation;

/// <summary>
/// Per-slide ROC over the cells of the analysis grid (row-major arrays, one entry per cell).
/// See docs/evaluation.md for why the two variants differ.
/// </summary>
public static class CellAuc
{
    /// <summary>
    /// The seed's measure (<c>m.reshape(-1)</c> against the heatmap): every cell counts, so the
    /// background, which the heatmap scores 0 and the mask calls normal, adds easy negatives and
    /// raises the AUC. NaN when the slide has no tumor cell.
    /// </summary>
    public static RocCurve AllCells(IReadOnlyList<float> probabilities, IReadOnlyList<bool> tumor) =>
        Roc.Curve(probabilities, tumor);

    /// <summary>
    /// Only the cells the tissue mask keeps: how well the model separates tumor from normal tissue.
    /// Tumor cells outside the tissue mask are left out, as the heatmap never scored them.
    /// NaN when the tissue holds no tumor cell or no normal cell.
    /// </summary>
    public static RocCurve TissueCells(IReadOnlyList<float> probabilities, IReadOnlyList<bool> tumor, IReadOnlyList<bool> tissue)
    {
        if (tissue.Count != probabilities.Count || tumor.Count != probabilities.Count)
            throw new ArgumentException(
                $"Cell AUC: {probabilities.Count} probabilities, {tumor.Count} tumor labels and {tissue.Count} tissue flags differ in length.",
                nameof(tissue));
        var scores = new List<float>();
        var labels = new List<bool>();
        for (var i = 0; i < tissue.Count; i++)
        {
            if (!tissue[i])
                continue;
            scores.Add(probabilities[i]);
            labels.Add(tumor[i]);
        }
        return Roc.Curve(scores, labels);
    }
}
