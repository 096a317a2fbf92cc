using NetVips;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Inference;

/// <summary>
/// A context patch of a given physical size: the level-0 square is read from the most detailed
/// pyramid level not finer than needed, then resampled (bilinear) to the model's patch size. Only
/// that one patch is ever held, never a level.
/// </summary>
public static class ResampledPatch
{
    /// <param name="destination">outputSize x outputSize RGB pixels, rows interleaved.</param>
    public static void Read(ISlide slide, LevelZeroRect source, int outputSize, Span<byte> destination)
    {
        var level = slide.Metadata.BestLevelForDownsample((double)source.Width / outputSize);
        var downsample = slide.Metadata.Levels[level].Downsample;
        var request = new RegionRequest(level, source.X, source.Y,
            Math.Max(1, (int)Math.Round(source.Width / downsample)), Math.Max(1, (int)Math.Round(source.Height / downsample)));
        var pixels = new byte[request.ByteCount];
        slide.ReadRegion(request, pixels);
        Resize(pixels, request.Width, request.Height, outputSize, destination);
    }

    /// <summary>Scales an RGB image to exactly size x size.</summary>
    public static void Resize(byte[] rgb, int width, int height, int size, Span<byte> destination)
    {
        if (width == size && height == size)
        {
            rgb.AsSpan(0, size * size * 3).CopyTo(destination);
            return;
        }
        using var image = Image.NewFromMemory(rgb, width, height, 3, Enums.BandFormat.Uchar);
        using var resized = image.Resize((double)size / width, kernel: Enums.Kernel.Linear, vscale: (double)size / height);
        // Rounding can leave the result a pixel short or long; the edge pixels are repeated or cut.
        using var exact = resized.Gravity(Enums.CompassDirection.NorthWest, size, size, extend: Enums.Extend.Copy);
        exact.WriteToMemory<byte>().AsSpan(0, size * size * 3).CopyTo(destination);
    }
}
