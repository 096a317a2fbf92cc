using NetVips;

namespace TumorWeb.Pipeline.Tests.Grid.TiffTiles;

/// <summary>A small mask painted in memory (all bands alike), saved as a pyramidal tiled TIFF with libvips.</summary>
internal sealed class MaskImage(int width, int height, int bands = 1)
{
    private readonly byte[] _pixels = new byte[width * height * bands];

    public MaskImage Fill(int x, int y, int w, int h, byte value)
    {
        for (var py = y; py < Math.Min(y + h, height); py++)
        for (var px = x; px < Math.Min(x + w, width); px++)
            Pixel(px, py, value);
        return this;
    }

    public MaskImage Disc(int centreX, int centreY, int radius, byte value)
    {
        for (var py = centreY - radius; py <= centreY + radius; py++)
        for (var px = centreX - radius; px <= centreX + radius; px++)
            if ((px - centreX) * (px - centreX) + (py - centreY) * (py - centreY) <= radius * radius
                && px >= 0 && py >= 0 && px < width && py < height)
                Pixel(px, py, value);
        return this;
    }

    public MaskImage Pixel(int x, int y, byte value)
    {
        _pixels.AsSpan((y * width + x) * bands, bands).Fill(value);
        return this;
    }

    public string Save(string path, Enums.ForeignTiffCompression compression = Enums.ForeignTiffCompression.Deflate,
        int tileSize = 256, bool bigTiff = false, int quality = 75)
    {
        using var image = Image.NewFromMemory(_pixels, width, height, bands, Enums.BandFormat.Uchar);
        image.Tiffsave(path, compression: compression, q: quality, tile: true, tileWidth: tileSize, tileHeight: tileSize,
            bigtiff: bigTiff, pyramid: true);
        return path;
    }
}
