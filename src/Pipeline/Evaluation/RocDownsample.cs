namespace TumorWeb.Pipeline.Evaluation;

public static partial class Roc
{
    /// <summary>
    /// A copy of <paramref name="curve"/> with at most <paramref name="maxPoints"/> points, for charts.
    /// Every kept point is a point of the exact curve, the first and last always among them, and the
    /// AUC stays the exact one. First the points in the middle of straight runs are dropped (lossless:
    /// only the corners remain); if the corners are still too many, they are thinned by walking along
    /// the curve and keeping one at every 1/(maxPoints - 1) of its length (|dFPR| + |dTPR|, at most 2).
    /// Every dropped point then lies within 2 / (maxPoints - 1) of the drawn polyline.
    /// A curve that already fits is returned as it is.
    /// </summary>
    public static RocCurve Downsample(RocCurve curve, int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 2);
        if (curve.Points.Count <= maxPoints)
            return curve;
        var corners = Corners(curve.Points);
        var kept = corners.Count <= maxPoints ? corners : EvenlyAlongLength(corners, maxPoints);
        return curve with { Points = kept };
    }

    private static List<RocPoint> Corners(IReadOnlyList<RocPoint> points)
    {
        var corners = new List<RocPoint> { points[0] };
        for (var i = 1; i < points.Count - 1; i++)
            if (!IsStraight(corners[^1], points[i], points[i + 1]))
                corners.Add(points[i]);
        corners.Add(points[^1]);
        return corners;
    }

    // Rates are ratios of counts, so collinear points can differ in the last bits; a cross product
    // tolerance far below any drawable difference treats them as collinear.
    private static bool IsStraight(RocPoint a, RocPoint b, RocPoint c)
    {
        var cross = (b.FalsePositiveRate - a.FalsePositiveRate) * (c.TruePositiveRate - a.TruePositiveRate)
                  - (b.TruePositiveRate - a.TruePositiveRate) * (c.FalsePositiveRate - a.FalsePositiveRate);
        return Math.Abs(cross) <= 1e-12;
    }

    // Keeps, for each mark k * length / (maxPoints - 1) short of the end, the first point at or beyond it. The points
    // skipped between two kept ones lie within one spacing (in L1 along the curve) of the earlier one,
    // and the curve is monotone, so their distance to the segment joining the kept ones is below the spacing.
    private static List<RocPoint> EvenlyAlongLength(List<RocPoint> points, int maxPoints)
    {
        var along = new double[points.Count];
        for (var i = 1; i < points.Count; i++)
            along[i] = along[i - 1] + Step(points[i - 1], points[i]);
        var spacing = along[^1] / (maxPoints - 1);
        var kept = new List<RocPoint> { points[0] };
        var mark = 1;
        for (var i = 1; i < points.Count - 1; i++)
        {
            if (along[i] < mark * spacing || mark >= maxPoints - 1)
                continue;
            kept.Add(points[i]);
            mark = (int)Math.Floor(along[i] / spacing) + 1;
        }
        kept.Add(points[^1]);
        return kept;
    }

    private static double Step(RocPoint a, RocPoint b) =>
        Math.Abs(b.FalsePositiveRate - a.FalsePositiveRate) + Math.Abs(b.TruePositiveRate - a.TruePositiveRate);
}
