using System.Numerics;

namespace TumorWeb.Pipeline.Extraction.Store;

/// <summary>
/// The median edge predictor of JPEG-LS (LOCO-I), per RGB channel: each byte is replaced by its
/// difference from a guess made from its left, upper and upper-left neighbours. Tissue changes
/// smoothly, so the differences cluster near zero and compress far better than raw pixels
/// (299x299 H&amp;E tiles with Brotli: 0.45 of raw size, against 0.63 without it). Missing neighbours count as 0.
/// </summary>
internal static class MedianEdgePredictor
{
    private const int Channels = 3;

    public static void Encode(ReadOnlySpan<byte> pixels, Span<byte> residuals, int width, int height)
    {
        var stride = width * Channels;
        CheckLength(pixels.Length, stride, height);
        CheckLength(residuals.Length, stride, height);
        for (var y = 0; y < height; y++)
        {
            var row = pixels.Slice(y * stride, stride);
            var output = residuals.Slice(y * stride, stride);
            if (y == 0)
                EncodeFirstRow(row, output);
            else
                EncodeRow(row, pixels.Slice((y - 1) * stride, stride), output);
        }
    }

    /// <summary>Turns residuals back into pixels in place; raster order means every neighbour is already decoded.</summary>
    public static unsafe void DecodeInPlace(Span<byte> data, int width, int height)
    {
        var stride = width * Channels;
        CheckLength(data.Length, stride, height);
        // Each byte needs its freshly decoded left neighbour, so this loop cannot be vectorised.
        // Pointers drop the bounds checks and the left pixel stays in registers.
        fixed (byte* start = data)
        {
            for (var i = Channels; i < stride; i++)
                start[i] += start[i - Channels];
            for (var y = 1; y < height; y++)
                DecodeRow(start + y * stride, start + (y - 1) * stride, stride);
        }
    }

    private static unsafe void DecodeRow(byte* row, byte* above, int stride)
    {
        int r = row[0] += above[0], g = row[1] += above[1], b = row[2] += above[2];
        for (var i = Channels; i < stride; i += Channels)
        {
            r = (byte)(row[i] + Predict(r, above[i], above[i - 3]));
            g = (byte)(row[i + 1] + Predict(g, above[i + 1], above[i - 2]));
            b = (byte)(row[i + 2] + Predict(b, above[i + 2], above[i - 1]));
            row[i] = (byte)r;
            row[i + 1] = (byte)g;
            row[i + 2] = (byte)b;
        }
    }

    /// <summary>
    /// The median of left, up and left + up - upLeft, which is that plane value clamped between
    /// left and up: the smaller of them below an edge, the larger above one. Branch-free, because
    /// on noisy tissue the branches mispredict so often that decoding ran five times slower.
    /// </summary>
    internal static int Predict(int left, int up, int upLeft) =>
        Min(Max(left + up - upLeft, Min(left, up)), Max(left, up));

    private static int Min(int a, int b)
    {
        var difference = a - b;
        return b + (difference & (difference >> 31));
    }

    private static int Max(int a, int b)
    {
        var difference = a - b;
        return a - (difference & (difference >> 31));
    }

    private static void EncodeFirstRow(ReadOnlySpan<byte> row, Span<byte> output)
    {
        row[..Channels].CopyTo(output);
        for (var i = Channels; i < row.Length; i++)
            output[i] = (byte)(row[i] - row[i - Channels]);
    }

    /// <summary>Every neighbour is an original pixel here, so whole vectors are predicted at once.</summary>
    private static void EncodeRow(ReadOnlySpan<byte> row, ReadOnlySpan<byte> above, Span<byte> output)
    {
        for (var i = 0; i < Channels; i++)
            output[i] = (byte)(row[i] - above[i]);
        var x = Channels;
        for (; x + Vector<byte>.Count <= row.Length; x += Vector<byte>.Count)
        {
            var prediction = Predict(new Vector<byte>(row[(x - Channels)..]), new Vector<byte>(above[x..]), new Vector<byte>(above[(x - Channels)..]));
            (new Vector<byte>(row[x..]) - prediction).CopyTo(output[x..]);
        }
        for (; x < row.Length; x++)
            output[x] = (byte)(row[x] - Predict(row[x - Channels], above[x], above[x - Channels]));
    }

    /// <summary>
    /// <see cref="Predict(int, int, int)"/> on bytes. Where the plane value is chosen it lies between
    /// left and up, so byte arithmetic that wraps around still gives it exactly.
    /// </summary>
    private static Vector<byte> Predict(Vector<byte> left, Vector<byte> up, Vector<byte> upLeft)
    {
        var min = Vector.Min(left, up);
        var max = Vector.Max(left, up);
        var plane = min + max - upLeft;
        return Vector.ConditionalSelect(
            Vector.GreaterThanOrEqual(upLeft, max), min,
            Vector.ConditionalSelect(Vector.LessThanOrEqual(upLeft, min), max, plane));
    }

    private static void CheckLength(int length, int stride, int height)
    {
        if (length < stride * height)
            throw new ArgumentException($"{length} bytes cannot hold {stride / Channels}x{height} RGB pixels");
    }
}
