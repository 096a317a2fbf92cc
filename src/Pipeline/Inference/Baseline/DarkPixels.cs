namespace TumorWeb.Pipeline.Inference.Baseline;

/// <summary>
/// Counts haematoxylin-like pixels: dark (mean of R, G and B below a level) and bluish (blue at
/// least red). Haematoxylin stains nuclei purple-blue; eosin's pink has red above blue, glass is bright.
/// </summary>
public static class DarkPixels
{
    public static bool IsDark(byte r, byte g, byte b, int darkLevel) => r + g + b < 3 * darkLevel && b >= r;

    /// <summary>The fraction of dark haematoxylin-like pixels among the RGB pixels of <paramref name="rgb"/>.</summary>
    public static float Fraction(ReadOnlySpan<byte> rgb, int darkLevel)
    {
        if (rgb.Length % 3 != 0) throw new ArgumentException($"RGB bytes come in threes, got {rgb.Length}", nameof(rgb));
        if (rgb.Length == 0) return 0;
        var dark = 0;
        for (var i = 0; i < rgb.Length; i += 3)
            if (IsDark(rgb[i], rgb[i + 1], rgb[i + 2], darkLevel))
                dark++;
        return (float)dark / (rgb.Length / 3);
    }
}
