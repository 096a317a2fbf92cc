namespace TumorWeb.Pipeline.Slides.Tiff;

/// <summary>
/// Where the compressed tiles of one tiled TIFF image lie in the file: tile i covers level-0
/// pixels from (column * TileWidth, row * TileHeight), numbered row by row, and its bytes are
/// <c>ByteCounts[i]</c> bytes at <c>Offsets[i]</c> (a byte count of 0 is a missing, sparse tile).
/// </summary>
public sealed record TiffTileIndex(
    long Width,
    long Height,
    int TileWidth,
    int TileHeight,
    int Compression,
    IReadOnlyList<long> Offsets,
    IReadOnlyList<long> ByteCounts)
{
    public int TilesAcross => TilesCovering(Width, TileWidth);
    public int TilesDown => TilesCovering(Height, TileHeight);
    public int TileCount => TilesAcross * TilesDown;

    internal static int TilesCovering(long extent, int tile) => checked((int)((extent + tile - 1) / tile));
}
