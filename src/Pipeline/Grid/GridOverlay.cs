using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Grid;

/// <summary>The grid drawn over its thumbnail: tissue tinted green, tumor tinted red (half and half), one pixel per cell.</summary>
public static class GridOverlay
{
    public static readonly (byte R, byte G, byte B) TumorColour = (255, 0, 0);
    public static readonly (byte R, byte G, byte B) TissueColour = (0, 200, 0);

    public static RgbImage Render(SlideGrid grid)
    {
        var image = new RgbImage(grid.Thumbnail.Width, grid.Thumbnail.Height, (byte[])grid.Thumbnail.Pixels.Clone());
        for (var y = 0; y < image.Height; y++)
        for (var x = 0; x < image.Width; x++)
        {
            if (grid.Tumor[x, y]) image[x, y] = HalfBlend.Over(image[x, y], TumorColour);
            else if (grid.Tissue[x, y]) image[x, y] = HalfBlend.Over(image[x, y], TissueColour);
        }
        return image;
    }
}
