namespace TumorWeb.Pipeline.Grid;

/// <summary>How the tumor cells were read from a mask.</summary>
public enum MaskScanMethod
{
    /// <summary>Tile by tile from the TIFF's own tiles, decoding a tile only when its compressed bytes are new.</summary>
    TiffTiles,

    /// <summary>Every level-0 pixel decoded through OpenSlide, in large regions.</summary>
    OpenSlideRegions,
}

/// <summary>
/// What a mask scan did: how many reads (TIFF tiles or OpenSlide regions) it had, how many it
/// decoded through OpenSlide and how many it skipped because identical bytes were decoded before;
/// and, for an OpenSlide scan, why the TIFF tiles could not be used.
/// </summary>
public sealed record MaskScanStats(MaskScanMethod Method, int Tiles, int TilesDecoded, int TilesSkipped, string? FallbackReason = null);

/// <summary>The tumor cells of a mask and how they were found.</summary>
public sealed record MaskScanResult(CellMask Tumor, MaskScanStats Stats);
