using TumorWeb.Pipeline.Slides;
using TumorWeb.Pipeline.Slides.Tiff;

namespace TumorWeb.Pipeline.Grid.TiffTiles;

/// <summary>Whether a mask's TIFF tiles can stand in for OpenSlide's level 0, tile for tile.</summary>
internal static class TiffMaskTiles
{
    // Formats whose level 0 OpenSlide reads straight from the TIFF's first image on a plain tile
    // grid. Others (Trestle's overlapping tiles, Leica's or Ventana's layouts) place tiles elsewhere.
    private static readonly HashSet<string> PlainTiledVendors = ["generic-tiff", "aperio"];

    public static TiffTileProbe Probe(ISlide mask)
    {
        var metadata = mask.Metadata;
        if (mask is not OpenSlideSlide) return TiffTileProbe.Skip("the mask is not a file read by OpenSlide");
        if (!PlainTiledVendors.Contains(metadata.Vendor))
            return TiffTileProbe.Skip($"OpenSlide reads it as '{metadata.Vendor}', whose level 0 need not be the TIFF's tiles as they lie");
        var probe = TiffFirstImage.ReadTiles(metadata.Path);
        if (probe.Tiles is not { } tiles) return probe;
        if (tiles.Width != metadata.Width || tiles.Height != metadata.Height)
            return TiffTileProbe.Skip($"the TIFF's first image is {tiles.Width}x{tiles.Height} but OpenSlide's level 0 is {metadata.Width}x{metadata.Height}");
        if ((metadata.TileWidth ?? tiles.TileWidth) != tiles.TileWidth || (metadata.TileHeight ?? tiles.TileHeight) != tiles.TileHeight)
            return TiffTileProbe.Skip($"the TIFF's first image has {tiles.TileWidth}x{tiles.TileHeight} tiles but OpenSlide's level 0 {metadata.TileWidth}x{metadata.TileHeight}");
        return probe;
    }
}
