namespace TumorWeb.Pipeline.Grid;

/// <summary>A half-open run [Start, End) of pixels at one pyramid level.</summary>
public readonly record struct LevelSpan(long Start, long End)
{
    public int Length => checked((int)(End - Start));
}

/// <summary>Which pixels of a pyramid level belong to each grid cell along one axis.</summary>
public static class LevelSpans
{
    /// <summary>
    /// A level pixel belongs to the cell holding its centre, so with a downsample that divides the
    /// cell size each cell gets exactly cellSize/downsample pixels. Pixels past the slide's edge
    /// are left out, and every cell gets at least one pixel even when a thin edge cell is narrower
    /// than one level pixel.
    /// </summary>
    public static LevelSpan[] Compute(int cellCount, int cellSize, long slideExtent, double downsample, long levelExtent)
    {
        var spans = new LevelSpan[cellCount];
        for (var i = 0; i < cellCount; i++)
        {
            var cellStart = (long)i * cellSize;
            var cellEnd = Math.Min(cellStart + cellSize, slideExtent);
            var start = Math.Min(FirstPixelCentredAtOrAfter(cellStart, downsample), levelExtent - 1);
            var end = Math.Min(FirstPixelCentredAtOrAfter(cellEnd, downsample), levelExtent);
            spans[i] = new LevelSpan(start, Math.Max(end, start + 1));
        }
        return spans;
    }

    /// <summary>The first level pixel j with (j + 0.5) * downsample &gt;= levelZero.</summary>
    private static long FirstPixelCentredAtOrAfter(long levelZero, double downsample) =>
        Math.Max(0, (long)Math.Ceiling(levelZero / downsample - 0.5));
}
