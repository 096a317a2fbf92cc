using TumorWeb.Pipeline.Grid.TiffTiles;
using TumorWeb.Pipeline.Progress;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Grid;

/// <summary>
/// Tumor cells from a mask slide: a cell is tumor when any level-0 mask pixel of it has a nonzero
/// first channel. Uses the TIFF's own tiles when the mask is a plain tiled TIFF (fast: background
/// tiles are recognised by their compressed bytes), otherwise decodes every pixel through OpenSlide.
/// Both give the same cells.
/// </summary>
public static class MaskTumorScan
{
    public static MaskScanResult Scan(ISlide mask, GridOptions options, IProgress<StageProgress>? progress, CancellationToken ct)
    {
        options.Validate();
        var probe = TiffMaskTiles.Probe(mask);
        if (probe.Tiles is { } tiles)
            return TiffTileTumorScanner.Scan(mask, tiles, options.CellSize, options.MaxDegreeOfParallelism, progress, ct);

        var tumor = MaskTumorScanner.Scan(mask, options.CellSize, options.MaskTileCells, options.MaxDegreeOfParallelism, progress, ct);
        var regions = new GridTiles(tumor.Size, options.MaskTileCells).Count;
        return new MaskScanResult(tumor, new MaskScanStats(MaskScanMethod.OpenSlideRegions, regions, regions, 0, probe.NotApplicable));
    }
}
