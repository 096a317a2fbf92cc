namespace TumorWeb.Pipeline.Inference.Output;

/// <summary>
/// Matplotlib's <c>jet</c> (the seed's heatmap colours): dark blue at 0, cyan, yellow, dark red at 1.
/// Evaluated from jet's piecewise-linear segment data at the exact value and rounded, rather than
/// through matplotlib's 256-entry table, so a colour can differ from matplotlib's by a level or two.
/// </summary>
public static class JetColormap
{
    private static readonly (float X, float Y)[] Red = [(0, 0), (0.35f, 0), (0.66f, 1), (0.89f, 1), (1, 0.5f)];
    private static readonly (float X, float Y)[] Green = [(0, 0), (0.125f, 0), (0.375f, 1), (0.64f, 1), (0.91f, 0), (1, 0)];
    private static readonly (float X, float Y)[] Blue = [(0, 0.5f), (0.11f, 1), (0.34f, 1), (0.65f, 0), (1, 0)];

    /// <summary>The colour of <paramref name="value"/>, clamped to [0, 1]; NaN takes the colour of 0.</summary>
    public static (byte R, byte G, byte B) Colour(float value)
    {
        var x = float.IsNaN(value) ? 0 : Math.Clamp(value, 0, 1);
        return (Channel(Red, x), Channel(Green, x), Channel(Blue, x));
    }

    private static byte Channel((float X, float Y)[] segments, float x)
    {
        var i = 1;
        while (i < segments.Length - 1 && x > segments[i].X) i++;
        var (a, b) = (segments[i - 1], segments[i]);
        var y = a.Y + (b.Y - a.Y) * (x - a.X) / (b.X - a.X);
        return (byte)Math.Round(y * 255, MidpointRounding.AwayFromZero);
    }
}
