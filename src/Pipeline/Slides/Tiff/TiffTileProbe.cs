namespace TumorWeb.Pipeline.Slides.Tiff;

/// <summary>The tiles of a TIFF's first image, or why the file does not offer them.</summary>
public sealed record TiffTileProbe(TiffTileIndex? Tiles, string? NotApplicable)
{
    internal static TiffTileProbe Found(TiffTileIndex tiles) => new(tiles, null);
    internal static TiffTileProbe Skip(string reason) => new(null, reason);
}
