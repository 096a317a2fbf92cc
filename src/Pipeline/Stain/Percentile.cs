namespace TumorWeb.Pipeline.Stain;

/// <summary>Percentiles as numpy's default computes them: linear between the two nearest ranks.</summary>
public static class Percentile
{
    /// <summary>The <paramref name="percent"/>th percentile (0 to 100) of values already sorted ascending.</summary>
    public static double OfSorted(IReadOnlyList<double> sorted, double percent)
    {
        if (sorted.Count == 0) throw new ArgumentException("no values to take a percentile of");
        var rank = Math.Clamp(percent, 0, 100) / 100 * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
    }

    public static double Of(IEnumerable<double> values, double percent) => OfSorted(values.Order().ToArray(), percent);
}
