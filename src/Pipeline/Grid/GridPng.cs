using NetVips;

namespace TumorWeb.Pipeline.Grid;

/// <summary>Writes the grid overlay as a PNG, each cell blown up to a square so small grids are viewable.</summary>
public static class GridPng
{
    public const int MinimumWidth = 512;

    public static void Write(SlideGrid grid, string path)
    {
        var overlay = GridOverlay.Render(grid);
        var scale = ScaleFor(overlay.Width);
        using var image = Image.NewFromMemory(overlay.Pixels, overlay.Width, overlay.Height, 3, Enums.BandFormat.Uchar);
        // Zoom repeats pixels (nearest neighbour): cells stay sharp squares, colours stay exact.
        using var zoomed = image.Zoom(scale, scale);
        try
        {
            zoomed.WriteToFile(path);
        }
        catch (VipsException e)
        {
            throw new IOException($"{path}: cannot write the PNG: {e.Message.Trim()}", e);
        }
    }

    /// <summary>The whole-number zoom that makes the image at least <see cref="MinimumWidth"/> pixels wide.</summary>
    public static int ScaleFor(int width) => Math.Max(1, (MinimumWidth + width - 1) / width);
}
