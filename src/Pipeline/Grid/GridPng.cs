using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Grid;

/// <summary>Writes the grid overlay as a PNG, each cell blown up to a square so small grids are viewable.</summary>
public static class GridPng
{
    public const int MinimumWidth = 512;

    public static void Write(SlideGrid grid, string path)
    {
        var overlay = GridOverlay.Render(grid);
        // Zoom repeats pixels (nearest neighbour): cells stay sharp squares, colours stay exact.
        PngFile.Write(overlay, path, ScaleFor(overlay.Width));
    }

    /// <summary>The whole-number zoom that makes the image at least <see cref="MinimumWidth"/> pixels wide.</summary>
    public static int ScaleFor(int width) => Math.Max(1, (MinimumWidth + width - 1) / width);
}
