using System.Runtime.CompilerServices;

namespace TumorWeb.Pipeline.Synthetic;

/// <summary>
/// Draws nuclei into two per-pixel layers of a band of rows: how much of the pixel is nucleus
/// (anti-aliased rim) and how much haematoxylin it holds (darkness times a chromatin grain).
/// Overlapping nuclei keep the stronger value, so drawing one twice changes nothing.
/// </summary>
internal static class NucleusStamper
{
    private const float RimSoftness = 1f;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Stamp(List<Nucleus> nuclei, int top, int rows, int width, Span<float> coverage, Span<float> haematoxylin, Texture grain)
    {
        foreach (var n in nuclei)
        {
            var reach = n.Reach;
            var firstY = Math.Max(top, (int)(n.Y - reach));
            var lastY = Math.Min(top + rows - 1, (int)(n.Y + reach));
            var firstX = Math.Max(0, (int)(n.X - reach));
            var lastX = Math.Min(width - 1, (int)(n.X + reach));
            var scale = MathF.Sqrt(n.A * n.B) / RimSoftness;
            for (var y = firstY; y <= lastY; y++)
            {
                var offset = (y - top) * width;
                var dy = y + 0.5f - n.Y;
                for (var x = firstX; x <= lastX; x++)
                {
                    var cover = Coverage(n, x + 0.5f - n.X, dy, scale);
                    if (cover <= 0) continue;
                    var stain = cover * n.Darkness * (0.7f + 0.6f * grain.At(3 * x, 3 * y));
                    if (cover > coverage[offset + x]) coverage[offset + x] = cover;
                    if (stain > haematoxylin[offset + x]) haematoxylin[offset + x] = stain;
                }
            }
        }
    }

    /// <summary>1 inside, 0 outside, a linear ramp about one pixel wide across the rim.</summary>
    private static float Coverage(in Nucleus n, float dx, float dy, float scale)
    {
        var u = dx * n.Cos + dy * n.Sin;
        var v = dy * n.Cos - dx * n.Sin;
        var rho = MathF.Sqrt(u * u + v * v);
        var c = rho > 1e-3f ? u / rho : 1f;
        var rim = 1 + n.Wobble2 * (2 * c * c - 1) + n.Wobble3 * (4 * c * c * c - 3 * c);
        var distance = MathF.Sqrt(u * u / (n.A * n.A) + v * v / (n.B * n.B)) / rim;
        return Math.Clamp((1 - distance) * scale + 0.5f, 0f, 1f);
    }
}
