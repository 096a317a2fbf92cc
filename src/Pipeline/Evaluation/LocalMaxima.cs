namespace TumorWeb.Pipeline.Evaluation;

/// <summary>
/// Detections from a probability grid by non-maximum suppression in a square window of
/// (2 radius + 1) cells a side. A cell is a detection when its probability is above
/// <c>minProbability</c> and no cell in its window is higher. A plateau of equal maxima would
/// otherwise give one detection per cell, so maxima are taken highest first (row by row among
/// equals) and each suppresses the others in its window: a plateau gives one detection per window.
/// </summary>
public static class LocalMaxima
{
    /// <returns>Detections, highest score first.</returns>
    /// <exception cref="ArgumentException">The grid size is wrong or a probability is NaN.</exception>
    public static IReadOnlyList<Detection> Find(float[] probabilities, int width, int height, float minProbability, int radius)
    {
        GridCheck.Size("Local maxima", probabilities.Length, width, height);
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        var nan = Array.FindIndex(probabilities, float.IsNaN);
        if (nan >= 0)
            throw new ArgumentException($"Local maxima: the probability of cell ({nan % width}, {nan / width}) is NaN.", nameof(probabilities));
        var windowMax = WindowMax.Of(probabilities, width, height, radius);
        var candidates = Enumerable.Range(0, probabilities.Length)
            .Where(i => probabilities[i] > minProbability && probabilities[i] >= windowMax[i])
            .OrderByDescending(i => probabilities[i]).ThenBy(i => i)
            .ToList();
        var suppressed = new bool[probabilities.Length];
        var detections = new List<Detection>();
        foreach (var cell in candidates)
        {
            if (suppressed[cell])
                continue;
            int x = cell % width, y = cell / width;
            detections.Add(new Detection(x, y, probabilities[cell]));
            Suppress(suppressed, width, height, x, y, radius);
        }
        return detections;
    }

    private static void Suppress(bool[] suppressed, int width, int height, int x, int y, int radius)
    {
        for (var ny = Math.Max(0, y - radius); ny <= Math.Min(height - 1, y + radius); ny++)
        for (var nx = Math.Max(0, x - radius); nx <= Math.Min(width - 1, x + radius); nx++)
            suppressed[ny * width + nx] = true;
    }
}
