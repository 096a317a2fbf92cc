namespace TumorWeb.Pipeline.Grid.TiffTiles;

/// <summary>What the on-slide pixels of one decoded mask tile say about tumor (nonzero first channel).</summary>
internal enum TileVerdict
{
    /// <summary>Every pixel has first channel 0: the tile marks no cell.</summary>
    NoTumor,

    /// <summary>Every pixel has a nonzero first channel: every cell the tile overlaps is tumor.</summary>
    AllTumor,

    /// <summary>Some of each: which cells are tumor depends on where the pixels are.</summary>
    Mixed,
}
