using TumorWeb.Pipeline.Progress;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Grid;

/// <summary>
/// The slide at one pixel per grid cell. A slide need not have a level with downsample equal to the
/// cell size (the seed assumed level 7), so this reads the best level not coarser than a cell and
/// box-averages each cell's pixels, tile by tile, never holding a whole level in memory.
/// A level over <c>maxPixels</c> is refused before any read (see <see cref="TissueReadPlan"/>).
/// </summary>
public static class GridThumbnail
{
    private const int TargetTilePixels = 2048;

    public static RgbImage Read(ISlide slide, int cellSize, long maxPixels, int maxDegree, IProgress<StageProgress>? progress, CancellationToken ct)
    {
        var metadata = slide.Metadata;
        var grid = AnalysisGrid.Size(metadata.Width, metadata.Height, cellSize);
        var levelIndex = TissueReadPlan.Level(metadata, cellSize, maxPixels);
        var level = metadata.Levels[levelIndex];
        var columns = LevelSpans.Compute(grid.Width, cellSize, metadata.Width, level.Downsample, level.Width);
        var rows = LevelSpans.Compute(grid.Height, cellSize, metadata.Height, level.Downsample, level.Height);
        var tileCells = Math.Max(1, (int)(TargetTilePixels * level.Downsample / cellSize));
        var tiles = new GridTiles(grid, tileCells);
        var thumbnail = new RgbImage(grid.Width, grid.Height);
        TileRunner.Run(tiles.Count, maxDegree, "thumbnail", progress, ct, (index, buffer) =>
        {
            var (x, y, width, height) = tiles[index];
            var request = new RegionRequest(levelIndex,
                (long)Math.Round(columns[x].Start * level.Downsample), (long)Math.Round(rows[y].Start * level.Downsample),
                checked((int)(columns[x + width - 1].End - columns[x].Start)), checked((int)(rows[y + height - 1].End - rows[y].Start)));
            var pixels = buffer.Take(request.ByteCount);
            slide.ReadRegion(request, pixels);
            for (var cy = y; cy < y + height; cy++)
            for (var cx = x; cx < x + width; cx++)
                thumbnail[cx, cy] = Average(pixels, request, columns[cx], rows[cy], columns[x].Start, rows[y].Start);
        });
        return thumbnail;
    }

    private static (byte R, byte G, byte B) Average(ReadOnlySpan<byte> pixels, RegionRequest region,
        LevelSpan columns, LevelSpan rows, long regionLeft, long regionTop)
    {
        long r = 0, g = 0, b = 0;
        for (var y = rows.Start - regionTop; y < rows.End - regionTop; y++)
        {
            var row = pixels.Slice((int)(y * region.Width + columns.Start - regionLeft) * 3, columns.Length * 3);
            for (var i = 0; i < row.Length; i += 3)
            {
                r += row[i];
                g += row[i + 1];
                b += row[i + 2];
            }
        }
        long count = (long)columns.Length * rows.Length;
        return ((byte)((r + count / 2) / count), (byte)((g + count / 2) / count), (byte)((b + count / 2) / count));
    }
}
