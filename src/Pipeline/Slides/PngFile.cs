using NetVips;

namespace TumorWeb.Pipeline.Slides;

/// <summary>Lossless PNG output of RGB images through libvips.</summary>
public static class PngFile
{
    /// <summary>Writes the image, optionally enlarged by whole-number nearest-neighbour zoom.</summary>
    public static void Write(RgbImage image, string path, int zoom = 1)
    {
        using var vips = Image.NewFromMemory(image.Pixels, image.Width, image.Height, 3, Enums.BandFormat.Uchar);
        using var zoomed = zoom == 1 ? vips.Copy() : vips.Zoom(zoom, zoom);
        try
        {
            zoomed.Pngsave(path, compression: 1);
        }
        catch (VipsException e)
        {
            throw new IOException($"{path}: cannot write the PNG: {e.Message.Trim()}", e);
        }
    }
}
