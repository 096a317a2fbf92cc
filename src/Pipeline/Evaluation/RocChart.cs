using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Evaluation;

/// <summary>
/// ROC curves on a square chart without text: false positive rate to the right, true positive
/// rate up, a black box around [0, 1] x [0, 1], light grey lines at every quarter, the grey chance
/// diagonal, and each curve as a two-pixel line in its colour (drawn in order, so later ones lie on top).
/// </summary>
public static class RocChart
{
    public static readonly (byte R, byte G, byte B) Box = (0, 0, 0);
    public static readonly (byte R, byte G, byte B) Diagonal = (150, 150, 150);
    public static readonly (byte R, byte G, byte B) Quarter = (225, 225, 225);

    /// <summary>White space around the box: one sixteenth of the side.</summary>
    public static int Margin(int size) => size / 16;

    /// <summary>The pixel of the rates (FPR, TPR) = (<paramref name="fpr"/>, <paramref name="tpr"/>).</summary>
    public static (int X, int Y) Pixel(double fpr, double tpr, int size)
    {
        var margin = Margin(size);
        var span = size - 1 - 2 * margin;
        return (margin + (int)Math.Round(fpr * span), size - 1 - margin - (int)Math.Round(tpr * span));
    }

    public static RgbImage Render(IReadOnlyList<(RocCurve Curve, (byte R, byte G, byte B) Colour)> curves, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 32);
        var image = RgbImage.Filled(size, size, 255, 255, 255);
        for (var q = 1; q < 4; q++)
        {
            Line(image, Pixel(q / 4.0, 0, size), Pixel(q / 4.0, 1, size), Quarter, 1);
            Line(image, Pixel(0, q / 4.0, size), Pixel(1, q / 4.0, size), Quarter, 1);
        }
        Line(image, Pixel(0, 0, size), Pixel(1, 1, size), Diagonal, 1);
        Polyline(image, [Pixel(0, 0, size), Pixel(1, 0, size), Pixel(1, 1, size), Pixel(0, 1, size), Pixel(0, 0, size)], Box, 1);
        foreach (var (curve, colour) in curves)
            Polyline(image, curve.Points.Select(p => Pixel(p.FalsePositiveRate, p.TruePositiveRate, size)).ToList(), colour, 2);
        return image;
    }

    private static void Polyline(RgbImage image, IReadOnlyList<(int X, int Y)> points, (byte R, byte G, byte B) colour, int thickness)
    {
        for (var i = 1; i < points.Count; i++) Line(image, points[i - 1], points[i], colour, thickness);
    }

    // A thickness-2 line covers each raster point and the pixels left of and above it.
    private static void Line(RgbImage image, (int X, int Y) from, (int X, int Y) to, (byte R, byte G, byte B) colour, int thickness)
    {
        foreach (var (x, y) in RasterLine.Points(from.X, from.Y, to.X, to.Y))
            for (var dy = 0; dy < thickness; dy++)
            for (var dx = 0; dx < thickness; dx++)
            {
                var (px, py) = (x - dx, y - dy);
                if (px >= 0 && py >= 0 && px < image.Width && py < image.Height) image[px, py] = colour;
            }
    }
}
