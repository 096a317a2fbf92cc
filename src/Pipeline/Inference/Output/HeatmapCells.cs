namespace TumorWeb.Pipeline.Inference.Output;

/// <summary>
/// The per-cell content of a heatmap, row-major: tissue flags, ground-truth tumor flags (null when
/// the slide had no mask or annotations) and probabilities.
/// </summary>
public sealed record HeatmapCells(int Width, int Height, bool[] Tissue, bool[]? Tumor, float[] Probabilities);
