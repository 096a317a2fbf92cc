using TumorWeb.Pipeline.Progress;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Grid;

/// <summary>
/// Tumor cells from a mask slide, exactly as the seed's
/// <c>get_patch(mask, x*128, y*128, 128, 128)[:,:,0].any()</c>: a cell is tumor when any level-0
/// mask pixel of it has a nonzero first channel. Reads level 0 in large tiles (16x16 cells by
/// default), never one read per cell. <see cref="MaskTumorScan"/> uses it for masks whose TIFF tiles
/// cannot be read directly, and tests compare the fast scan against it.
/// </summary>
/// <remarks>
/// There is no coarse-level shortcut to skip empty tiles. A coarse pyramid level is made by
/// averaging (often then JPEG-compressed), so a lone tumor pixel can round to 0 there: a zero at a
/// coarse level does not prove the level-0 block is zero, and nothing in the file says how its
/// pyramid was made. Reading level 0 everywhere is the only exact answer.
/// </remarks>
public static class MaskTumorScanner
{
    public static CellMask Scan(ISlide mask, int cellSize, int tileCells, int maxDegree,
        IProgress<StageProgress>? progress, CancellationToken ct)
    {
        var (width, height) = (mask.Metadata.Width, mask.Metadata.Height);
        var grid = AnalysisGrid.Size(width, height, cellSize);
        var tiles = new GridTiles(grid, tileCells);
        var tumor = new CellMask(grid);
        TileRunner.Run(tiles.Count, maxDegree, "tumor mask", progress, ct, (index, buffer) =>
        {
            var (x, y, across, down) = tiles[index];
            // Clipped to the slide: outside it a read comes back white, which is not tumor.
            var request = new RegionRequest(0, (long)x * cellSize, (long)y * cellSize,
                (int)Math.Min((long)across * cellSize, width - (long)x * cellSize),
                (int)Math.Min((long)down * cellSize, height - (long)y * cellSize));
            var pixels = buffer.Take(request.ByteCount);
            mask.ReadRegion(request, pixels);
            for (var cy = 0; cy < down; cy++)
            for (var cx = 0; cx < across; cx++)
                tumor[x + cx, y + cy] = CellHasTumor(pixels, request, cx * cellSize, cy * cellSize, cellSize);
        });
        return tumor;
    }

    private static bool CellHasTumor(ReadOnlySpan<byte> pixels, RegionRequest region, int left, int top, int cellSize)
    {
        var columns = Math.Min(cellSize, region.Width - left);
        var bottom = Math.Min(top + cellSize, region.Height);
        for (var y = top; y < bottom; y++)
            if (AnyRedNonzero(pixels.Slice((y * region.Width + left) * 3, columns * 3))) return true;
        return false;
    }

    /// <summary>Whether any pixel of an RGB run has a nonzero first channel; vectorised over zero runs.</summary>
    internal static bool AnyRedNonzero(ReadOnlySpan<byte> rgb)
    {
        var from = 0;
        while (from < rgb.Length)
        {
            var found = rgb[from..].IndexOfAnyExcept((byte)0);
            if (found < 0) return false;
            var index = from + found;
            if (index % 3 == 0) return true;
            from = index - index % 3 + 3;
        }
        return false;
    }
}
