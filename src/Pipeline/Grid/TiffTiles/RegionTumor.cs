namespace TumorWeb.Pipeline.Grid.TiffTiles;

/// <summary>What one decoded mask region (RGB, on the slide) says about the cells it overlaps.</summary>
internal static class RegionTumor
{
    public static TileVerdict Classify(ReadOnlySpan<byte> rgb) =>
        !MaskTumorScanner.AnyRedNonzero(rgb) ? TileVerdict.NoTumor
        : AllRedNonzero(rgb) ? TileVerdict.AllTumor
        : TileVerdict.Mixed;

    /// <summary>
    /// Sets the cells that have a tumor pixel inside <paramref name="region"/>; the pixels are only
    /// read for a mixed verdict. Cells are only ever set, never cleared, so workers scanning
    /// neighbouring regions may share a cell: each of them writes the same <c>true</c>.
    /// </summary>
    public static void Mark(ReadOnlySpan<byte> rgb, LevelZeroRect region, TileVerdict verdict, int cellSize, CellMask tumor)
    {
        if (verdict == TileVerdict.NoTumor) return;
        var (firstX, lastX) = ((int)(region.X / cellSize), (int)((region.X + region.Width - 1) / cellSize));
        var (firstY, lastY) = ((int)(region.Y / cellSize), (int)((region.Y + region.Height - 1) / cellSize));
        for (var cy = firstY; cy <= lastY; cy++)
        for (var cx = firstX; cx <= lastX; cx++)
            if (!tumor[cx, cy] && (verdict == TileVerdict.AllTumor || CellPartHasTumor(rgb, region, cx, cy, cellSize)))
                tumor[cx, cy] = true;
    }

    internal static bool AllRedNonzero(ReadOnlySpan<byte> rgb)
    {
        for (var i = 0; i < rgb.Length; i += 3)
            if (rgb[i] == 0) return false;
        return true;
    }

    private static bool CellPartHasTumor(ReadOnlySpan<byte> rgb, LevelZeroRect region, int cx, int cy, int cellSize)
    {
        var (left, right) = Overlap(region.X, region.Width, cx, cellSize);
        var (top, bottom) = Overlap(region.Y, region.Height, cy, cellSize);
        for (var y = top; y < bottom; y++)
            if (MaskTumorScanner.AnyRedNonzero(rgb.Slice((y * region.Width + left) * 3, (right - left) * 3))) return true;
        return false;
    }

    /// <summary>The cell's span along one axis, relative to the region's start.</summary>
    private static (int From, int To) Overlap(long regionStart, int regionLength, int cell, int cellSize) =>
        ((int)(Math.Max(regionStart, (long)cell * cellSize) - regionStart),
         (int)(Math.Min(regionStart + regionLength, (long)(cell + 1) * cellSize) - regionStart));
}
