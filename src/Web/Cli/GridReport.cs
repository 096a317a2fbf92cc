using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Web.Cli;

/// <summary>
/// The JSON shape of <c>grid</c>; the field names are an interface for scripts. The seconds are
/// wall-clock times of the tissue and tumor scans alone (files already open); <c>maskScan</c> is
/// null without a mask.
/// </summary>
public sealed record GridReport(
    string Slide,
    int GridWidth,
    int GridHeight,
    int CellSize,
    int TissueCells,
    int TumorCells,
    int NormalCells,
    string Role,
    double TissueSeconds,
    double TumorSeconds,
    GridMaskScanReport? MaskScan)
{
    /// <summary>With <c>--patch-microns</c>: the patch edge asked for, and its level-0 pixels on this slide.</summary>
    public double? PatchMicrons { get; init; }
    public int? PatchPixels { get; init; }

    public static GridReport From(SlideGrid grid) => new(grid.SlidePath,
        grid.Stats.GridWidth, grid.Stats.GridHeight, grid.Stats.CellSize,
        grid.Stats.TissueCells, grid.Stats.TumorCells, grid.Stats.NormalCells,
        grid.Role == SlideRole.Tumor ? "tumor" : "normal",
        Math.Round(grid.Timings.TissueSeconds, 3), Math.Round(grid.Timings.TumorSeconds, 3),
        grid.MaskScan is { } scan ? GridMaskScanReport.From(scan) : null);
}

/// <summary>How <c>grid</c> read the mask: "tiff-tiles" or "openslide-regions", and how many reads it decoded or skipped.</summary>
public sealed record GridMaskScanReport(string Method, int Tiles, int TilesDecoded, int TilesSkipped, string? FallbackReason)
{
    public static GridMaskScanReport From(MaskScanStats stats) => new(
        stats.Method == MaskScanMethod.TiffTiles ? "tiff-tiles" : "openslide-regions",
        stats.Tiles, stats.TilesDecoded, stats.TilesSkipped, stats.FallbackReason);
}
