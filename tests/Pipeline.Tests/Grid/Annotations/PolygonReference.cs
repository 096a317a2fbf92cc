using TumorWeb.Pipeline.Grid.Annotations;

namespace TumorWeb.Pipeline.Tests.Grid.Annotations;

/// <summary>
/// The slow, obviously right answer: test every level-0 pixel centre with the classic
/// point-in-polygon test (PNPOLY, even-odd rule) and mark the cells of the pixels inside.
/// </summary>
internal static class PolygonReference
{
    public static bool Contains(Polygon polygon, double x, double y) =>
        polygon.Rings.Count(ring => Contains(ring, x, y)) % 2 == 1;

    private static bool Contains(IReadOnlyList<PointD> p, double x, double y)
    {
        var inside = false;
        for (int i = 0, j = p.Count - 1; i < p.Count; j = i++)
            if ((p[i].Y > y) != (p[j].Y > y) && x < (p[j].X - p[i].X) * (y - p[i].Y) / (p[j].Y - p[i].Y) + p[i].X)
                inside = !inside;
        return inside;
    }

    /// <summary>Each tumor polygon's own bounding box is scanned, so far-apart polygons stay cheap.</summary>
    public static SortedSet<(int X, int Y)> TumorCells(SlideAnnotations annotations, long width, long height, int cellSize)
    {
        var cells = new SortedSet<(int X, int Y)>();
        foreach (var polygon in annotations.Tumor)
        {
            var left = (long)Math.Max(0, Math.Floor(polygon.Points.Min(p => p.X)) - 1);
            var top = (long)Math.Max(0, Math.Floor(polygon.Points.Min(p => p.Y)) - 1);
            var right = (long)Math.Min(width, Math.Ceiling(polygon.Points.Max(p => p.X)) + 1);
            var bottom = (long)Math.Min(height, Math.Ceiling(polygon.Points.Max(p => p.Y)) + 1);
            for (var py = top; py < bottom; py++)
            for (var px = left; px < right; px++)
            {
                var (x, y) = (px + 0.5, py + 0.5);
                if (Contains(polygon, x, y) && !annotations.Exclusion.Any(p => Contains(p, x, y)))
                    cells.Add(((int)(px / cellSize), (int)(py / cellSize)));
            }
        }
        return cells;
    }
}
