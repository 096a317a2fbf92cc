using Microsoft.Win32.SafeHandles;
using TumorWeb.Pipeline.Progress;
using TumorWeb.Pipeline.Slides;
using TumorWeb.Pipeline.Slides.Tiff;

namespace TumorWeb.Pipeline.Grid.TiffTiles;

/// <summary>
/// The exact tumor grid of a tiled TIFF mask, decoding through OpenSlide only the tiles whose
/// compressed bytes have not been seen before. A mask is mostly background, and its background
/// tiles all compress to the same bytes, so nearly every tile is settled by reading a few hundred
/// bytes and comparing them.
/// </summary>
/// <remarks>
/// Why this is exact: the tiles of one TIFF image share one codec and one set of codec tables
/// (JPEGTables, predictor, bit depth, photometric), and each tile is decoded on its own, so two
/// tiles with identical compressed bytes decode to identical pixels - lossy JPEG included, since
/// the decoder is deterministic. OpenSlide's level 0 of a plain tiled TIFF is that image copied
/// pixel for pixel, tile i landing at (column x TileWidth, row x TileHeight). So a tile whose bytes
/// equal those of a tile already decoded all background (or all tumor) is all background (or all
/// tumor) too, without decoding it. Any other tile is read through OpenSlide exactly as
/// <see cref="MaskTumorScanner"/> reads it, so both scans see the same pixels.
/// </remarks>
internal sealed class TiffTileTumorScanner
{
    private readonly ISlide _mask;
    private readonly TiffTileIndex _tiles;
    private readonly int _cellSize;
    private readonly SafeFileHandle _file;
    private readonly KnownTiles _known;
    private readonly CellMask _tumor;
    private int _decoded, _skipped;

    private TiffTileTumorScanner(ISlide mask, TiffTileIndex tiles, int cellSize, SafeFileHandle file)
    {
        (_mask, _tiles, _cellSize, _file) = (mask, tiles, cellSize, file);
        _known = new KnownTiles(tiles.TileWidth, tiles.TileHeight);
        _tumor = new CellMask(AnalysisGrid.Size(tiles.Width, tiles.Height, cellSize));
    }

    /// <summary>Scans a mask whose tiles <paramref name="tiles"/> describes (see <see cref="TiffMaskTiles.Probe"/>).</summary>
    public static MaskScanResult Scan(ISlide mask, TiffTileIndex tiles, int cellSize, int maxDegree,
        IProgress<StageProgress>? progress, CancellationToken ct)
    {
        using var file = File.OpenHandle(mask.Metadata.Path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        var scanner = new TiffTileTumorScanner(mask, tiles, cellSize, file);
        var rawCapacity = (int)Math.Min(KnownTiles.MaxTileBytes, tiles.ByteCounts.Max());
        TileRunner.Run(tiles.TilesDown, maxDegree, "tumor mask", progress, ct, () => new TileWorker(rawCapacity), (row, worker) =>
        {
            for (var column = 0; column < tiles.TilesAcross; column++) scanner.ScanTile(column, row, worker);
        });
        return new MaskScanResult(scanner._tumor,
            new MaskScanStats(MaskScanMethod.TiffTiles, tiles.TileCount, scanner._decoded, scanner._skipped));
    }

    private void ScanTile(int column, int row, TileWorker worker)
    {
        var index = row * _tiles.TilesAcross + column;
        var region = OnSlide(column, row);
        var byteCount = _tiles.ByteCounts[index];
        if (byteCount > KnownTiles.MaxTileBytes)
        {
            Decode(region, worker);
            return;
        }
        var key = worker.ReadRaw(_file, _mask.Metadata.Path, index, _tiles.Offsets[index], (int)byteCount, region.Width, region.Height);
        if (_known.TryGet(key, out var verdict))
        {
            RegionTumor.Mark([], region, verdict, _cellSize, _tumor);
            Interlocked.Increment(ref _skipped);
            return;
        }
        _known.Remember(key, Decode(region, worker));
    }

    private TileVerdict Decode(LevelZeroRect region, TileWorker worker)
    {
        var request = new RegionRequest(0, region.X, region.Y, region.Width, region.Height);
        var pixels = worker.Pixels.Take(request.ByteCount);
        _mask.ReadRegion(request, pixels);
        var verdict = RegionTumor.Classify(pixels);
        RegionTumor.Mark(pixels, region, verdict, _cellSize, _tumor);
        Interlocked.Increment(ref _decoded);
        return verdict;
    }

    /// <summary>The tile's part on the slide: edge tiles reach past it, and only pixels on the slide count.</summary>
    private LevelZeroRect OnSlide(int column, int row)
    {
        var (x, y) = ((long)column * _tiles.TileWidth, (long)row * _tiles.TileHeight);
        return new LevelZeroRect(x, y, (int)Math.Min(_tiles.TileWidth, _tiles.Width - x), (int)Math.Min(_tiles.TileHeight, _tiles.Height - y));
    }
}
