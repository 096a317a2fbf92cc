namespace TumorWeb.Pipeline.Evaluation;

public static partial class Roc
{
    /// <summary>
    /// The ROC curve of <paramref name="scores"/> against <paramref name="labels"/> (true = positive),
    /// like scikit-learn's <c>roc_curve(drop_intermediate=False)</c>: one point per distinct score, so
    /// tied scores make one diagonal step, starting at (0, 0, +infinity). The AUC is the trapezoid
    /// area under that curve, which equals the Mann-Whitney probability
    /// P(positive score &gt; negative score) + 0.5 P(equal); it is computed from integer counts, so it
    /// is exact. O(n log n): one sort of a copy of the scores.
    /// Undefined when one class is absent (or the input is empty): returns
    /// <see cref="RocCurve.Undefined"/> (no points, AUC NaN).
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ or a score is NaN.</exception>
    public static RocCurve Curve(IReadOnlyList<float> scores, IReadOnlyList<bool> labels)
    {
        var (sortedScores, sortedLabels) = SortedAscending(scores, labels);
        var positives = sortedLabels.Count(l => l);
        var negatives = sortedLabels.Length - positives;
        if (positives == 0 || negatives == 0)
            return RocCurve.Undefined;
        return Sweep(sortedScores, sortedLabels, positives, negatives);
    }

    private static (float[] Scores, bool[] Labels) SortedAscending(IReadOnlyList<float> scores, IReadOnlyList<bool> labels)
    {
        if (scores.Count != labels.Count)
            throw new ArgumentException($"ROC: {scores.Count} scores but {labels.Count} labels.", nameof(labels));
        var keys = new float[scores.Count];
        var items = new bool[labels.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = scores[i];
            items[i] = labels[i];
            if (float.IsNaN(keys[i]))
                throw new ArgumentException($"ROC: score {i} is NaN.", nameof(scores));
        }
        Array.Sort(keys, items);
        return (keys, items);
    }

    // Walks from the highest score down; each run of equal scores is one step. The trapezoid of a
    // step is dFP * (TPbefore + TPafter) / 2, summed in integers and scaled once by 2PN.
    private static RocCurve Sweep(float[] scores, bool[] labels, int positives, int negatives)
    {
        var points = new List<RocPoint> { new(0, 0, double.PositiveInfinity) };
        long truePositives = 0, falsePositives = 0, doubledArea = 0;
        var end = scores.Length;
        while (end > 0)
        {
            var start = end - 1;
            while (start > 0 && scores[start - 1] == scores[end - 1])
                start--;
            var groupPositives = CountTrue(labels, start, end);
            var groupNegatives = end - start - groupPositives;
            doubledArea += groupNegatives * (2 * truePositives + groupPositives);
            truePositives += groupPositives;
            falsePositives += groupNegatives;
            points.Add(new((double)falsePositives / negatives, (double)truePositives / positives, scores[start]));
            end = start;
        }
        return new RocCurve(points, doubledArea / (2.0 * positives * negatives));
    }

    private static long CountTrue(bool[] labels, int start, int end)
    {
        long count = 0;
        for (var i = start; i < end; i++)
            if (labels[i])
                count++;
        return count;
    }
}
