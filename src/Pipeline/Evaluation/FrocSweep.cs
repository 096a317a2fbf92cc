namespace TumorWeb.Pipeline.Evaluation;

/// <summary>The threshold sweep of the FROC, over already matched detections.</summary>
public static class FrocSweep
{
    /// <summary>
    /// One point per distinct score among <paramref name="lesionScores"/> (the best hit of each
    /// detected lesion) and <paramref name="falsePositiveScores"/>, highest first; equal scores are
    /// one step. Sensitivity = lesions hit at or above the threshold / <paramref name="lesionCount"/>;
    /// average false positives = false positives at or above it / <paramref name="slideCount"/>.
    /// </summary>
    public static IReadOnlyList<FrocCurvePoint> Curve(
        IReadOnlyList<float> lesionScores, IReadOnlyList<float> falsePositiveScores, int lesionCount, int slideCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slideCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(lesionCount, lesionScores.Count);
        var scores = lesionScores.Concat(falsePositiveScores).ToArray();
        var isLesion = lesionScores.Select(_ => true).Concat(falsePositiveScores.Select(_ => false)).ToArray();
        Array.Sort(scores, isLesion);
        var curve = new List<FrocCurvePoint> { new(double.PositiveInfinity, 0, Sensitivity(0, lesionCount)) };
        int hits = 0, falsePositives = 0, end = scores.Length;
        while (end > 0)
        {
            var start = end - 1;
            while (start > 0 && scores[start - 1] == scores[end - 1])
                start--;
            for (var i = start; i < end; i++)
                if (isLesion[i]) hits++; else falsePositives++;
            curve.Add(new(scores[start], (double)falsePositives / slideCount, Sensitivity(hits, lesionCount)));
            end = start;
        }
        return curve;
    }

    /// <summary>The highest sensitivity of a point with at most <paramref name="averageFalsePositives"/>.</summary>
    public static double SensitivityAt(IReadOnlyList<FrocCurvePoint> curve, double averageFalsePositives) =>
        curve.Where(p => p.AverageFalsePositives <= averageFalsePositives).Max(p => p.Sensitivity);

    /// <summary>
    /// False positives per normal slide (one without lesions) when the threshold is the highest that
    /// reaches <paramref name="sensitivity"/>: how many false alarms a pathologist would check on
    /// each normal slide to find that share of the lesions. NaN when no threshold reaches it or there
    /// is no normal slide.
    /// </summary>
    public static double FalsePositivesPerNormalSlide(
        IReadOnlyList<FrocCurvePoint> curve, IReadOnlyList<float> normalFalsePositiveScores, int normalSlideCount, double sensitivity)
    {
        if (normalSlideCount == 0)
            return double.NaN;
        var reaching = curve.Where(p => p.Sensitivity >= sensitivity).ToList();
        if (reaching.Count == 0)
            return double.NaN;
        var threshold = reaching.Max(p => p.Threshold);
        return (double)normalFalsePositiveScores.Count(score => score >= threshold) / normalSlideCount;
    }

    private static double Sensitivity(int hits, int lesionCount) =>
        lesionCount == 0 ? double.NaN : (double)hits / lesionCount;
}
