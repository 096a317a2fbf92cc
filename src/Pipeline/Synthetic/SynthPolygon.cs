namespace TumorWeb.Pipeline.Synthetic;

public readonly record struct SynthPoint(double X, double Y);

/// <summary>A simple closed polygon in level-0 pixel coordinates (the last point joins the first).</summary>
public sealed record SynthPolygon(IReadOnlyList<SynthPoint> Points)
{
    public double MinX { get; } = Points.Min(p => p.X);
    public double MaxX { get; } = Points.Max(p => p.X);
    public double MinY { get; } = Points.Min(p => p.Y);
    public double MaxY { get; } = Points.Max(p => p.Y);

    /// <summary>Shoelace area, positive whatever the winding.</summary>
    public double Area
    {
        get
        {
            var twice = 0.0;
            for (int i = 0, j = Points.Count - 1; i < Points.Count; j = i++)
                twice += Points[j].X * Points[i].Y - Points[i].X * Points[j].Y;
            return Math.Abs(twice) / 2;
        }
    }

    /// <summary>Even-odd rule, the rule the mask is rasterized with.</summary>
    public bool Contains(double x, double y)
    {
        if (x < MinX || x > MaxX || y < MinY || y > MaxY) return false;
        var inside = false;
        for (int i = 0, j = Points.Count - 1; i < Points.Count; j = i++)
        {
            var (a, b) = (Points[i], Points[j]);
            if ((a.Y > y) != (b.Y > y) && x < CrossingX(a, b, y))
                inside = !inside;
        }
        return inside;
    }

    /// <summary>Where edge a-b crosses the horizontal line at <paramref name="y"/>; one formula for the mask and for Contains.</summary>
    internal static double CrossingX(SynthPoint a, SynthPoint b, double y) => a.X + (y - a.Y) * (b.X - a.X) / (b.Y - a.Y);
}
