using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Grid;

/// <summary>The grid drawn over its thumbnail: tissue tinted green, tumor tinted red, one pixel per cell.</summary>
public static class GridOverlay
{
    public static readonly (byte R, byte G, byte B) TumorColour = (255, 0, 0);
    public static readonly (byte R, byte G, byte B) TissueColour = (0, 200, 0);

    /// <summary>How much of the tint replaces the thumbnail colour, in percent.</summary>
    public const int TintPercent = 50;

    public static RgbImage Render(SlideGrid grid)
    {
        var image = new RgbImage(grid.Thumbnail.Width, grid.Thumbnail.Height, (byte[])grid.Thumbnail.Pixels.Clone());
        for (var y = 0; y < image.Height; y++)
        for (var x = 0; x < image.Width; x++)
        {
            if (grid.Tumor[x, y]) image[x, y] = Tint(image[x, y], TumorColour);
            else if (grid.Tissue[x, y]) image[x, y] = Tint(image[x, y], TissueColour);
        }
        return image;
    }

    private static (byte R, byte G, byte B) Tint((byte R, byte G, byte B) pixel, (byte R, byte G, byte B) tint) =>
        (Mix(pixel.R, tint.R), Mix(pixel.G, tint.G), Mix(pixel.B, tint.B));

    private static byte Mix(byte under, byte over) => (byte)((under * (100 - TintPercent) + over * TintPercent + 50) / 100);
}
