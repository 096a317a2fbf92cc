namespace TumorWeb.Pipeline.Inference;

/// <summary>Catches a model that breaks the <see cref="IPatchClassifier"/> contract before its output lands in a heatmap.</summary>
internal static class ScoreCheck
{
    public static void Ensure(IPatchClassifier model, float[] scores, ReadOnlySpan<(int X, int Y)> cells)
    {
        if (scores.Length != cells.Length)
            throw new InvalidOperationException(
                $"model '{model.Name}' returned {scores.Length} scores for {cells.Length} patches (batch starting at cell ({cells[0].X}, {cells[0].Y}))");
        for (var i = 0; i < cells.Length; i++)
            if (!(scores[i] >= 0 && scores[i] <= 1))
                throw new InvalidOperationException(
                    $"model '{model.Name}' scored cell ({cells[i].X}, {cells[i].Y}) {scores[i]}, not a probability in [0, 1]");
    }
}
