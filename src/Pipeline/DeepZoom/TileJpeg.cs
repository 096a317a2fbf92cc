using NetVips;

namespace TumorWeb.Pipeline.DeepZoom;

/// <summary>JPEG encoding of RGB tiles in memory through libvips, scaling them to the tile size first.</summary>
public static class TileJpeg
{
    /// <summary>
    /// Encodes the first <paramref name="width"/> x <paramref name="height"/> RGB pixels of
    /// <paramref name="rgb"/>, scaled to <paramref name="outputWidth"/> x <paramref name="outputHeight"/>.
    /// </summary>
    public static unsafe byte[] Encode(ReadOnlySpan<byte> rgb, int width, int height, int outputWidth, int outputHeight, int quality)
    {
        var byteCount = checked(width * height * 3);
        if (rgb.Length < byteCount)
            throw new ArgumentException($"{width}x{height} RGB needs {byteCount} bytes, got {rgb.Length}");
        // A copy, so libvips owns its pixels: the caller may hand a pooled buffer straight back,
        // even while libvips' operation cache still holds the image.
        Image image;
        fixed (byte* pixels = rgb)
            image = Image.NewFromMemoryCopy((nint)pixels, (ulong)byteCount, width, height, 3, Enums.BandFormat.Uchar);
        using var _ = image;
        using var scaled = width == outputWidth && height == outputHeight
            ? image.Copy()
            : image.Resize((double)outputWidth / width, vscale: (double)outputHeight / height);
        if (scaled.Width != outputWidth || scaled.Height != outputHeight)
            throw new InvalidOperationException($"scaling {width}x{height} gave {scaled.Width}x{scaled.Height}, not {outputWidth}x{outputHeight}");
        // No metadata: an EXIF block would add a few hundred bytes to every tile.
        return scaled.JpegsaveBuffer(q: quality, keep: Enums.ForeignKeep.None);
    }
}
