namespace TumorWeb.Pipeline.Evaluation;

/// <summary>
/// FROC settings. Distances are in grid cells (128 level-0 pixels, about 31 um at 0.243 um/pixel).
/// </summary>
/// <param name="MinProbability">Local maxima at or below this are not detections. Lower values only
/// extend the curve to the right (more false positives per slide); they never lower the score.</param>
/// <param name="SuppressionRadius">Half-size of the non-maximum-suppression window: one detection per
/// (2r + 1)-square window. The default 3 (about 200 um across) keeps one blob of high probability
/// from counting as many false positives.</param>
/// <param name="Tolerance">A detection this close to a lesion cell (Euclidean, in cells) still hits it;
/// 0: the detection's cell must be a tumor cell of the lesion.</param>
public sealed record FrocOptions(float MinProbability = 0.5f, int SuppressionRadius = 3, double Tolerance = 0)
{
    /// <summary>The CAMELYON16 operating points: average false positives per slide.</summary>
    public IReadOnlyList<double> FalsePositiveRates { get; init; } = [0.25, 0.5, 1, 2, 4, 8];
}
