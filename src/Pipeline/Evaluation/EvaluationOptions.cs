namespace TumorWeb.Pipeline.Evaluation;

/// <summary>Settings of the evaluation stage.</summary>
public sealed record EvaluationOptions
{
    public FrocOptions Froc { get; init; } = new();

    /// <summary>Side in pixels of the square ROC chart.</summary>
    public int ChartSize { get; init; } = 512;

    /// <summary>Each curve is thinned to at most this many points before drawing (see <see cref="Roc.Downsample"/>).</summary>
    public int ChartPoints { get; init; } = 500;
}
