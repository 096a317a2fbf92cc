using System.Runtime.CompilerServices;

namespace TumorWeb.Pipeline.Synthetic;

/// <summary>
/// Fills a pixel row where pixel centres lie inside any of the polygons (even-odd rule). Uses
/// the same crossing arithmetic as <see cref="SynthPolygon.Contains"/>, so the mask agrees with
/// <c>Contains(x + 0.5, y + 0.5)</c> bit for bit.
/// </summary>
internal static class PolygonRasterizer
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void FillRow(IReadOnlyList<SynthPolygon> polygons, int y, Span<byte> row, byte value)
    {
        var centreY = y + 0.5;
        Span<double> crossings = stackalloc double[64];
        foreach (var polygon in polygons)
        {
            if (centreY < polygon.MinY || centreY > polygon.MaxY) continue;
            var count = Crossings(polygon, centreY, ref crossings);
            crossings[..count].Sort();
            for (var k = 0; k + 1 < count; k += 2)
            {
                var from = (int)Math.Clamp(Math.Ceiling(crossings[k] - 0.5), 0, row.Length);
                var to = (int)Math.Clamp(Math.Ceiling(crossings[k + 1] - 0.5), 0, row.Length);
                if (to > from) row[from..to].Fill(value);
            }
        }
    }

    private static int Crossings(SynthPolygon polygon, double y, ref Span<double> crossings)
    {
        var count = 0;
        var points = polygon.Points;
        for (int i = 0, j = points.Count - 1; i < points.Count; j = i++)
        {
            var (a, b) = (points[i], points[j]);
            if ((a.Y > y) == (b.Y > y)) continue;
            if (count == crossings.Length) crossings = Grow(crossings);
            crossings[count++] = SynthPolygon.CrossingX(a, b, y);
        }
        return count;
    }

    private static Span<double> Grow(Span<double> crossings)
    {
        var larger = new double[crossings.Length * 2];
        crossings.CopyTo(larger);
        return larger;
    }
}
