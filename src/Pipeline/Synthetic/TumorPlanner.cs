namespace TumorWeb.Pipeline.Synthetic;

/// <summary>
/// Places a few tumor outlines inside the tissue of a slide, together covering about 4-12% of it,
/// never overlapping each other and keeping clear of holes and of the ragged tissue edge.
/// </summary>
internal static class TumorPlanner
{
    private const int AttemptsPerTumor = 400;
    private const double SmallestRadius = 40;
    private const float SafetyMargin = 0.03f;

    public static IReadOnlyList<SynthPolygon> Plan(TissueShape tissue, int width, int height, ref SynthRandom random)
    {
        var margin = tissue.RaggedAmplitude + SafetyMargin;
        var room = new Room(tissue, tissue.CellsAbove(width, height, margin), margin,
            // Small slides get small tumors rather than none, and long thin ones tumors that fit across.
            MinimumRadius: Math.Min(SmallestRadius, 0.02 * Math.Min(width, height)),
            MaximumRadius: 0.12 * Math.Min(width, height));
        if (room.Centres.Count == 0)
            throw new InvalidOperationException($"no room for a tumor in the tissue of a {width}x{height} slide");
        var tissueArea = tissue.EstimateArea(width, height);
        var count = random.Next(2, 5);
        var coverage = random.Range(0.04, 0.12);
        var weights = new double[count];
        for (var i = 0; i < count; i++) weights[i] = random.Range(0.5, 1.5);
        var placed = new List<Placed>();
        foreach (var weight in weights)
        {
            var radius = Math.Sqrt(coverage * tissueArea * weight / weights.Sum() / Math.PI);
            if (TryPlace(room, radius, placed, ref random) is { } tumor) placed.Add(tumor);
        }
        return placed.Select(p => p.Polygon).ToList();
    }

    private static Placed? TryPlace(Room room, double wantedRadius, List<Placed> placed, ref SynthRandom random)
    {
        var radius = Math.Clamp(wantedRadius, room.MinimumRadius, room.MaximumRadius);
        var jitter = room.Tissue.GridSpacing / 2;
        for (var attempt = 0; attempt < AttemptsPerTumor; attempt++)
        {
            // Start at the wanted size, then shrink: small tissue or many holes still get a tumor.
            var r = Math.Max(room.MinimumRadius, radius * Math.Pow(0.85, attempt / 40));
            var centre = room.Centres[random.Next(0, room.Centres.Count)];
            var (x, y) = (centre.X + random.Range(-jitter, jitter), centre.Y + random.Range(-jitter, jitter));
            var polygon = StarPolygon.Create(x, y, r, ref random);
            var candidate = new Placed(polygon, x, y, StarPolygon.Reach(polygon, x, y));
            if (placed.Any(p => p.Distance(candidate) < p.Reach + candidate.Reach + 2 * room.MinimumRadius)) continue;
            if (LiesInside(room.Tissue, polygon, room.Margin)) return candidate;
        }
        return null;
    }

    /// <summary>
    /// Every grid cell the polygon touches must have all its corners above the margin: the field is
    /// bilinear in a cell, so then it is above the margin everywhere under the polygon.
    /// </summary>
    private static bool LiesInside(TissueShape tissue, SynthPolygon polygon, float margin)
    {
        var step = tissue.GridSpacing / 4;
        for (int i = 0, j = polygon.Points.Count - 1; i < polygon.Points.Count; j = i++)
        {
            var (a, b) = (polygon.Points[j], polygon.Points[i]);
            var length = Math.Sqrt((b.X - a.X) * (b.X - a.X) + (b.Y - a.Y) * (b.Y - a.Y));
            var samples = (int)Math.Ceiling(length / step) + 1;
            for (var s = 0; s < samples; s++)
            {
                var t = (double)s / samples;
                if (!tissue.CellAbove(a.X + t * (b.X - a.X), a.Y + t * (b.Y - a.Y), margin)) return false;
            }
        }
        var spacing = tissue.GridSpacing;
        for (var y = Math.Floor(polygon.MinY / spacing) * spacing + spacing / 2; y < polygon.MaxY; y += spacing)
        for (var x = Math.Floor(polygon.MinX / spacing) * spacing + spacing / 2; x < polygon.MaxX; x += spacing)
            if (polygon.Contains(x, y) && !tissue.CellAbove(x, y, margin)) return false;
        return true;
    }

    /// <summary>Where tumors may go: centres of grid cells deep enough in tissue, and the size limits.</summary>
    private sealed record Room(TissueShape Tissue, List<(double X, double Y)> Centres, float Margin, double MinimumRadius, double MaximumRadius);

    private sealed record Placed(SynthPolygon Polygon, double X, double Y, double Reach)
    {
        public double Distance(Placed other) => Math.Sqrt((X - other.X) * (X - other.X) + (Y - other.Y) * (Y - other.Y));
    }
}
