namespace TumorWeb.Pipeline.FeatureVectors;

/// <summary>
/// Turns an interleaved RGB patch into the network's input: bilinear resize to the input side,
/// planes in B, G, R order, 0-255 values minus the mean image (itself in B, G, R planes).
/// Stateless, so one instance serves many threads.
/// </summary>
internal sealed class PatchPreprocessor
{
    private readonly float[] _meanBgr;

    public PatchPreprocessor(int side, float[] meanBgr)
    {
        if (meanBgr.Length != 3 * side * side)
            throw new ArgumentException($"mean image holds {meanBgr.Length} values, not 3 x {side} x {side}", nameof(meanBgr));
        Side = side;
        _meanBgr = meanBgr;
    }

    public int Side { get; }
    public int InputLength => 3 * Side * Side;

    /// <summary>rgb holds patchSide x patchSide x 3 bytes; destination gets <see cref="InputLength"/> floats.</summary>
    public void Write(ReadOnlySpan<byte> rgb, int patchSide, ResizeTaps taps, Span<float> destination)
    {
        if (rgb.Length != patchSide * patchSide * 3)
            throw new ArgumentException($"patch holds {rgb.Length} bytes, not {patchSide} x {patchSide} x 3", nameof(rgb));
        if (destination.Length != InputLength)
            throw new ArgumentException($"destination holds {destination.Length} floats, not {InputLength}", nameof(destination));
        var plane = Side * Side;
        var rowBytes = patchSide * 3;
        for (var y = 0; y < Side; y++)
        {
            var top = rgb.Slice(taps.Low[y] * rowBytes, rowBytes);
            var bottom = rgb.Slice(taps.High[y] * rowBytes, rowBytes);
            var wy = taps.Weight[y];
            for (var x = 0; x < Side; x++)
            {
                var left = taps.Low[x] * 3;
                var right = taps.High[x] * 3;
                var wx = taps.Weight[x];
                var pixel = y * Side + x;
                for (var rgbChannel = 0; rgbChannel < 3; rgbChannel++)
                {
                    var upper = Lerp(top[left + rgbChannel], top[right + rgbChannel], wx);
                    var lower = Lerp(bottom[left + rgbChannel], bottom[right + rgbChannel], wx);
                    var bgrOffset = (2 - rgbChannel) * plane + pixel;
                    destination[bgrOffset] = upper + wy * (lower - upper) - _meanBgr[bgrOffset];
                }
            }
        }
    }

    private static float Lerp(byte a, byte b, float weight) => a + weight * (b - a);
}
