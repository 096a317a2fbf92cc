using TumorWeb.Pipeline.Inference.Output;

namespace TumorWeb.Pipeline.Evaluation;

/// <summary>One slide's heatmap as read back from its folder: summary, probabilities and per-cell flags.</summary>
public sealed record StoredHeatmap(string Folder, HeatmapSummary Summary, HeatmapCells Cells)
{
    public string Name => Summary.Slide;
}
