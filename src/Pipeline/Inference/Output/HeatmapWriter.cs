using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Inference.Output;

/// <summary>
/// Saves a slide's heatmap to <c>&lt;out&gt;/&lt;slide-name&gt;/</c>: probabilities.npy, cells.csv,
/// heatmap.png, comparison.png and heatmap.json (see docs/inference.md). Files already there are replaced.
/// </summary>
public static class HeatmapWriter
{
    public static (HeatmapFiles Files, HeatmapSummary Summary) Write(SlideHeatmap heatmap, string outputDirectory)
    {
        var files = HeatmapFiles.For(outputDirectory, heatmap.SlideName);
        try
        {
            Directory.CreateDirectory(files.Folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{files.Folder}: cannot create the heatmap folder: {e.Message}", e);
        }
        var grid = heatmap.Grid;
        var (width, height) = (grid.Stats.GridWidth, grid.Stats.GridHeight);
        NpyFile.Write(heatmap.Probabilities, height, width, files.Probabilities);
        CellCsv.Write(files.Cells, new HeatmapCells(width, height, CellFlags.Of(grid.Tissue),
            heatmap.HasGroundTruth ? CellFlags.Of(grid.Tumor) : null, heatmap.Probabilities));
        var zoom = GridPng.ScaleFor(width);
        PngFile.Write(HeatmapOverlay.Render(grid.Thumbnail, heatmap.Probabilities), files.HeatmapPng, zoom);
        PngFile.Write(ComparisonFigure.Render(grid, heatmap.Probabilities), files.ComparisonPng);
        var summary = HeatmapSummary.From(heatmap);
        HeatmapSummaryFile.Write(summary, files.Summary);
        return (files, summary);
    }
}
