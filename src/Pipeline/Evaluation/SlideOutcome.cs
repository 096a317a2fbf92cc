namespace TumorWeb.Pipeline.Evaluation;

/// <summary>A slide reduced to one score and one label for slide-level AUC.</summary>
public sealed record SlideOutcome(string Name, float Score, bool HasTumor)
{
    /// <summary>Score = the highest cell probability; label = at least one tumor cell.</summary>
    /// <exception cref="ArgumentException">The grid is empty or the lengths differ.</exception>
    public static SlideOutcome FromGrid(string name, IReadOnlyList<float> probabilities, IReadOnlyList<bool> tumor)
    {
        if (probabilities.Count == 0)
            throw new ArgumentException($"{name}: the probability grid is empty.", nameof(probabilities));
        if (probabilities.Count != tumor.Count)
            throw new ArgumentException($"{name}: {probabilities.Count} probabilities but {tumor.Count} tumor labels.", nameof(tumor));
        return new SlideOutcome(name, probabilities.Max(), tumor.Any(t => t));
    }
}
