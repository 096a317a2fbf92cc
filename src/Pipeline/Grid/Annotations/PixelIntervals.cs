namespace TumorWeb.Pipeline.Grid.Annotations;

/// <summary>A half-open run [Start, End) of level-0 pixels on one row.</summary>
public readonly record struct PixelInterval(long Start, long End);

/// <summary>Set operations on runs of pixels in one row.</summary>
public static class PixelIntervals
{
    /// <summary>Sorted, disjoint, non-touching runs covering the same pixels as the input.</summary>
    public static List<PixelInterval> Union(IEnumerable<PixelInterval> intervals)
    {
        var merged = new List<PixelInterval>();
        foreach (var next in intervals.Where(i => i.End > i.Start).OrderBy(i => i.Start))
        {
            if (merged.Count > 0 && next.Start <= merged[^1].End)
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, next.End) };
            else
                merged.Add(next);
        }
        return merged;
    }

    /// <summary>The pixels of <paramref name="kept"/> not in <paramref name="removed"/>; both sorted and disjoint.</summary>
    public static List<PixelInterval> Subtract(IReadOnlyList<PixelInterval> kept, IReadOnlyList<PixelInterval> removed)
    {
        var result = new List<PixelInterval>();
        var r = 0;
        foreach (var interval in kept)
        {
            var start = interval.Start;
            while (r < removed.Count && removed[r].End <= start) r++;
            for (var k = r; k < removed.Count && removed[k].Start < interval.End; k++)
            {
                if (removed[k].Start > start) result.Add(new PixelInterval(start, removed[k].Start));
                start = Math.Max(start, removed[k].End);
            }
            if (start < interval.End) result.Add(new PixelInterval(start, interval.End));
        }
        return result;
    }
}
