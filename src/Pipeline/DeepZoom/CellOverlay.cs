using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Inference.Output;

namespace TumorWeb.Pipeline.DeepZoom;

/// <summary>
/// Grid-resolution overlays for the slide viewer: one RGBA pixel per grid cell, transparent where
/// nothing is drawn. They are opaque where drawn; the viewer sets one opacity for the whole layer.
/// </summary>
public static class CellOverlay
{
    public const int BytesPerPixel = 4;

    /// <summary>Set cells in <paramref name="colour"/>, the others transparent.</summary>
    public static byte[] Mask(CellMask mask, (byte R, byte G, byte B) colour)
    {
        var rgba = new byte[checked(mask.Width * mask.Height * BytesPerPixel)];
        foreach (var (x, y) in mask.Cells()) Put(rgba, (y * mask.Width + x) * BytesPerPixel, colour);
        return rgba;
    }

    /// <summary>Tissue cells in the jet colour of their probability, the others transparent.</summary>
    public static byte[] Heatmap(ReadOnlySpan<float> probabilities, ReadOnlySpan<bool> tissue) =>
        Heatmap(probabilities, tissue, HeatmapColormap.Jet, threshold: 0);

    /// <summary>
    /// Tissue cells scoring at least <paramref name="threshold"/> in the colour of their probability,
    /// the others transparent (a NaN score counts as 0), so low scores do not paint all tissue dark.
    /// </summary>
    public static byte[] Heatmap(ReadOnlySpan<float> probabilities, ReadOnlySpan<bool> tissue, HeatmapColormap colormap, float threshold)
    {
        if (probabilities.Length != tissue.Length)
            throw new ArgumentException($"{probabilities.Length} probabilities but {tissue.Length} tissue flags");
        var rgba = new byte[checked(probabilities.Length * BytesPerPixel)];
        for (var i = 0; i < probabilities.Length; i++)
        {
            var probability = float.IsNaN(probabilities[i]) ? 0 : probabilities[i];
            if (tissue[i] && (threshold <= 0 || probability >= threshold)) Put(rgba, i * BytesPerPixel, colormap.Colour(probability));
        }
        return rgba;
    }

    private static void Put(byte[] rgba, int offset, (byte R, byte G, byte B) colour)
    {
        rgba[offset] = colour.R;
        rgba[offset + 1] = colour.G;
        rgba[offset + 2] = colour.B;
        rgba[offset + 3] = 255;
    }
}
