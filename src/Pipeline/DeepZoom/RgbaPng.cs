using NetVips;

namespace TumorWeb.Pipeline.DeepZoom;

/// <summary>Lossless PNG bytes of an RGBA image, in memory.</summary>
public static class RgbaPng
{
    public static unsafe byte[] Encode(ReadOnlySpan<byte> rgba, int width, int height)
    {
        var byteCount = checked(width * height * CellOverlay.BytesPerPixel);
        if (rgba.Length != byteCount)
            throw new ArgumentException($"{width}x{height} RGBA needs {byteCount} bytes, got {rgba.Length}");
        Image image;
        fixed (byte* pixels = rgba)
            image = Image.NewFromMemoryCopy((nint)pixels, (ulong)byteCount, width, height, CellOverlay.BytesPerPixel, Enums.BandFormat.Uchar);
        using var _ = image;
        return image.PngsaveBuffer();
    }
}
