namespace TumorWeb.Pipeline.Evaluation;

/// <summary>Matches detections to ground-truth lesions, as the CAMELYON16 FROC does.</summary>
public static class LesionMatcher
{
    /// <summary>
    /// A detection hits every lesion that has a cell within <paramref name="tolerance"/> cells
    /// (Euclidean, between cell centres) of the detection's cell; tolerance 0 means the detection's
    /// cell must belong to the lesion.
    /// </summary>
    public static LesionMatch Match(LesionMap lesions, IReadOnlyList<Detection> detections, double tolerance)
    {
        if (double.IsNaN(tolerance) || tolerance < 0)
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "Lesion matching: the tolerance must be 0 or more cells.");
        var best = new float?[lesions.Count];
        var falsePositives = new List<float>();
        foreach (var detection in detections)
        {
            var hits = LesionsNear(lesions, detection.X, detection.Y, tolerance);
            if (hits.Count == 0)
                falsePositives.Add(detection.Score);
            foreach (var label in hits)
                best[label - 1] = Math.Max(best[label - 1] ?? float.NegativeInfinity, detection.Score);
        }
        return new LesionMatch(best, falsePositives);
    }

    private static HashSet<int> LesionsNear(LesionMap lesions, int x, int y, double tolerance)
    {
        var reach = (int)Math.Floor(tolerance);
        var labels = new HashSet<int>();
        for (var ny = Math.Max(0, y - reach); ny <= Math.Min(lesions.Height - 1, y + reach); ny++)
        for (var nx = Math.Max(0, x - reach); nx <= Math.Min(lesions.Width - 1, x + reach); nx++)
        {
            var label = lesions.LabelAt(nx, ny);
            int dx = nx - x, dy = ny - y;
            if (label != 0 && dx * dx + dy * dy <= tolerance * tolerance)
                labels.Add(label);
        }
        return labels;
    }
}
