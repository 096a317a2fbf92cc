namespace TumorWeb.Pipeline.Training.Loading;

/// <summary>
/// Rotates and flips a square RGB patch on its bytes, before it becomes a tensor, so the work runs
/// on the loader's threads while the model trains. Rotation samples bilinearly about the centre
/// ((size-1)/2, so quarter turns land exactly on pixels); corners that come from outside the
/// patch are white, the colour of glass around tissue.
/// </summary>
public static class PatchAugmenter
{
    private const float White = 255f;

    public static void Apply(ReadOnlySpan<byte> source, Span<byte> destination, int size, Augmentation augmentation)
    {
        var bytes = size * size * 3;
        if (source.Length != bytes || destination.Length != bytes)
            throw new ArgumentException($"a {size}x{size} RGB patch has {bytes} bytes; got {source.Length} in and {destination.Length} out");
        if (augmentation.Degrees == 0)
            CopyOrMirror(source, destination, size, augmentation.Flip);
        else
            Rotate(source, destination, size, augmentation);
    }

    private static void CopyOrMirror(ReadOnlySpan<byte> source, Span<byte> destination, int size, bool flip)
    {
        if (!flip)
        {
            source.CopyTo(destination);
            return;
        }
        for (var y = 0; y < size; y++)
        for (var x = 0; x < size; x++)
            source.Slice((y * size + size - 1 - x) * 3, 3).CopyTo(destination.Slice((y * size + x) * 3, 3));
    }

    private static void Rotate(ReadOnlySpan<byte> source, Span<byte> destination, int size, Augmentation augmentation)
    {
        var (sin, cos) = Math.SinCos(augmentation.Degrees * Math.PI / 180);
        var centre = (size - 1) / 2.0;
        // The flip comes after the turn, so the turned image is read at the mirrored column.
        var step = augmentation.Flip ? -1 : 1;
        for (var y = 0; y < size; y++)
        {
            var dy = y - centre;
            var dx = (augmentation.Flip ? size - 1 : 0) - centre;
            var row = destination.Slice(y * size * 3, size * 3);
            for (var x = 0; x < size; x++, dx += step)
            {
                // Inverse of a counterclockwise turn on screen (y grows downwards).
                var sx = centre + dx * cos - dy * sin;
                var sy = centre + dx * sin + dy * cos;
                Sample(source, size, sx, sy, row.Slice(x * 3, 3));
            }
        }
    }

    private static void Sample(ReadOnlySpan<byte> source, int size, double sx, double sy, Span<byte> pixel)
    {
        var x0 = (int)Math.Floor(sx);
        var y0 = (int)Math.Floor(sy);
        var fx = (float)(sx - x0);
        var fy = (float)(sy - y0);
        var w00 = (1 - fx) * (1 - fy);
        var w10 = fx * (1 - fy);
        var w01 = (1 - fx) * fy;
        var w11 = fx * fy;
        if ((uint)x0 < (uint)(size - 1) && (uint)y0 < (uint)(size - 1))
        {
            // All four neighbours inside: the common case, without per-tap checks.
            var top = source.Slice((y0 * size + x0) * 3, 6);
            var bottom = source.Slice(((y0 + 1) * size + x0) * 3, 6);
            for (var c = 0; c < 3; c++)
                pixel[c] = Round(w00 * top[c] + w10 * top[c + 3] + w01 * bottom[c] + w11 * bottom[c + 3]);
            return;
        }
        for (var c = 0; c < 3; c++)
            pixel[c] = Round(w00 * Tap(source, size, x0, y0, c) + w10 * Tap(source, size, x0 + 1, y0, c)
                           + w01 * Tap(source, size, x0, y0 + 1, c) + w11 * Tap(source, size, x0 + 1, y0 + 1, c));
    }

    private static byte Round(float value) => (byte)Math.Clamp((int)(value + 0.5f), 0, 255);

    private static float Tap(ReadOnlySpan<byte> source, int size, int x, int y, int channel) =>
        (uint)x < (uint)size && (uint)y < (uint)size ? source[(y * size + x) * 3 + channel] : White;
}
