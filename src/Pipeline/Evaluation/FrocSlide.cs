namespace TumorWeb.Pipeline.Evaluation;

/// <summary>
/// One slide for FROC: its probability heatmap and ground-truth tumor cells on the same row-major
/// grid of <paramref name="Width"/> x <paramref name="Height"/> cells. Normal slides have no tumor
/// cell and contribute false positives only.
/// </summary>
public sealed record FrocSlide(string Name, int Width, int Height, float[] Probabilities, bool[] Tumor);
