using NetVips;
using TumorWeb.Pipeline.Slides;
using TumorWeb.Pipeline.Synthetic.Png;

namespace TumorWeb.Pipeline.Synthetic;

/// <summary>
/// Saves painted images as CAMELYON-style pyramidal tiled TIFFs with libvips, streaming: the
/// painter's rows flow through a PNG stream into libvips, which tiles, shrinks and compresses them.
/// Files appear under their final name only once complete.
/// </summary>
internal static class PyramidTiff
{
    public const int TileSize = 256;
    private const int JpegQuality = 85;

    // libvips takes resolution in pixels per millimetre and writes it as pixels per centimetre.
    private static double PixelsPerMillimetre(double mpp) => 1000 / mpp;

    /// <summary>JPEG-compressed RGB.</summary>
    public static void SaveSlide(IRowPainter painter, string path, double mpp, Action<int> rowsDone, CancellationToken ct) =>
        Save(painter, path, rowsDone, ct, image =>
            image.Tiffsave(Partial(path), compression: Enums.ForeignTiffCompression.Jpeg, q: JpegQuality,
                tile: true, tileWidth: TileSize, tileHeight: TileSize, pyramid: true, bigtiff: NeedsBigTiff(painter),
                resunit: Enums.ForeignTiffResunit.Cm, xres: PixelsPerMillimetre(mpp), yres: PixelsPerMillimetre(mpp)));

    /// <summary>
    /// Deflate-compressed grey. Lower levels keep the maximum of the pixels they cover, so a
    /// level-k pixel is 255 exactly when some level-0 pixel beneath it is tumor.
    /// </summary>
    public static void SaveMask(IRowPainter painter, string path, double mpp, Action<int> rowsDone, CancellationToken ct) =>
        Save(painter, path, rowsDone, ct, image =>
            image.Tiffsave(Partial(path), compression: Enums.ForeignTiffCompression.Deflate,
                tile: true, tileWidth: TileSize, tileHeight: TileSize, pyramid: true, bigtiff: NeedsBigTiff(painter),
                regionShrink: Enums.RegionShrink.Max,
                resunit: Enums.ForeignTiffResunit.Cm, xres: PixelsPerMillimetre(mpp), yres: PixelsPerMillimetre(mpp)));

    private static void Save(IRowPainter painter, string path, Action<int> rowsDone, CancellationToken ct, Action<Image> save)
    {
        var partial = Partial(path);
        try
        {
            using (var stream = new PngRowStream(painter, rowsDone, ct))
            {
                try
                {
                    // By default libvips pads a truncated PNG with black and carries on: a painter that
                    // failed half way must fail the file instead.
                    using var image = Image.NewFromStream(stream, access: Enums.Access.Sequential, failOn: Enums.FailOn.Truncated);
                    save(image);
                }
                catch (VipsException e)
                {
                    ThrowIfPaintingFailed(stream, path, ct);
                    throw new SlideException(path, $"libvips could not write the TIFF: {e.Message.Trim()}", e);
                }
                ThrowIfPaintingFailed(stream, path, ct);
            }
            File.Move(partial, path, overwrite: true);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    private static void ThrowIfPaintingFailed(PngRowStream stream, string path, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (stream.Failure is { } failure) throw new SlideException(path, $"painting failed: {failure.Message}", failure);
    }

    private static string Partial(string path) => path + ".partial";

    /// <summary>Classic TIFF offsets stop at 4 GiB; mostly-white slides compress well, but stay safe.</summary>
    private static bool NeedsBigTiff(IRowPainter painter) => (long)painter.Width * painter.Height * painter.Bands > 3L << 30;
}
