namespace TumorWeb.Pipeline.Grid;

/// <summary>Otsu's threshold: the split of a histogram that maximises the between-class variance.</summary>
public static class Otsu
{
    /// <summary>
    /// Returns t such that values &lt;= t form the lower class and values &gt; t the upper one. When
    /// several splits tie (empty bins between the classes) the lowest wins. A histogram with fewer
    /// than two occupied bins has no split: the highest occupied bin (0 when empty) is returned, so
    /// nothing lies above it.
    /// </summary>
    public static int Threshold(ReadOnlySpan<long> histogram)
    {
        double total = 0, weightedTotal = 0;
        for (var i = 0; i < histogram.Length; i++)
        {
            if (histogram[i] < 0) throw new ArgumentException($"histogram bin {i} is negative");
            total += histogram[i];
            weightedTotal += (double)i * histogram[i];
        }

        double lowerCount = 0, lowerSum = 0, bestVariance = 0;
        var best = -1;
        for (var t = 0; t < histogram.Length - 1; t++)
        {
            lowerCount += histogram[t];
            lowerSum += (double)t * histogram[t];
            var upperCount = total - lowerCount;
            if (lowerCount == 0 || upperCount == 0) continue;
            var meanDifference = lowerSum / lowerCount - (weightedTotal - lowerSum) / upperCount;
            var variance = lowerCount * upperCount * meanDifference * meanDifference;
            if (variance > bestVariance)
            {
                bestVariance = variance;
                best = t;
            }
        }
        return best >= 0 ? best : HighestOccupiedBin(histogram);
    }

    private static int HighestOccupiedBin(ReadOnlySpan<long> histogram)
    {
        for (var i = histogram.Length - 1; i > 0; i--)
            if (histogram[i] > 0) return i;
        return 0;
    }
}
