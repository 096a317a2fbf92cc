namespace TumorWeb.Pipeline.Synthetic;

/// <summary>
/// Irregular star-shaped outlines: the radius wanders with a few random low harmonics plus
/// per-vertex jitter. Angles only increase, so the outline never crosses itself.
/// </summary>
internal static class StarPolygon
{
    public static SynthPolygon Create(double centreX, double centreY, double radius, ref SynthRandom random)
    {
        var harmonics = new (int Order, double Amplitude, double Phase)[5];
        for (var k = 2; k < 7; k++)
            harmonics[k - 2] = (k, random.Range(0, 0.22) / Math.Pow(k - 1, 0.7), random.Range(0, 2 * Math.PI));
        var count = random.Next(40, 73);
        var points = new SynthPoint[count];
        for (var i = 0; i < count; i++)
        {
            var angle = 2 * Math.PI * (i + random.Range(-0.3, 0.3)) / count;
            var wander = harmonics.Sum(h => h.Amplitude * Math.Cos(h.Order * angle + h.Phase)) + random.Range(-0.06, 0.06);
            var r = radius * Math.Max(0.35, 1 + wander);
            // Two decimals, written as such to the XML, so the mask and the annotation agree exactly.
            points[i] = new SynthPoint(Math.Round(centreX + r * Math.Cos(angle), 2), Math.Round(centreY + r * Math.Sin(angle), 2));
        }
        return new SynthPolygon(points);
    }

    /// <summary>The farthest a point of <paramref name="polygon"/> lies from (x, y).</summary>
    public static double Reach(SynthPolygon polygon, double x, double y) =>
        polygon.Points.Max(p => Math.Sqrt((p.X - x) * (p.X - x) + (p.Y - y) * (p.Y - y)));
}
