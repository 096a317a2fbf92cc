using TumorWeb.Pipeline.Evaluation;
using TumorWeb.Pipeline.Inference.Output;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Web.Tests.Pages;

/// <summary>
/// The 3x2 example of docs/evaluation.md as heatmap files: tissue ".##" / "#.#", tumor "..." / "#.#",
/// so all-cells AUC 7/8 and tissue-only AUC 3/4; optionally with its ground truth | prediction figure.
/// </summary>
public static class DocsExampleHeatmap
{
    public static string Write(string directory, string slide, bool withFigure = false)
    {
        var files = HeatmapFiles.For(directory, slide);
        Directory.CreateDirectory(files.Folder);
        float[] probabilities = [0f, 0.3f, 0.6f, 0.5f, 0f, 0.9f];
        bool[] tissue = [false, true, true, true, false, true];
        bool[] tumor = [false, false, false, true, false, true];
        NpyFile.Write(probabilities, 2, 3, files.Probabilities);
        CellCsv.Write(files.Cells, new HeatmapCells(3, 2, tissue, tumor, probabilities));
        HeatmapSummaryFile.Write(new HeatmapSummary(slide, $"/data/demo/{slide}.tif", 3, 2, 128, 299, 4, 2, true, "tiny", 32,
            1, 4, 0.1, 0.5, 0.4, 0.1, 0.875, 0.75, []), files.Summary);
        if (withFigure) PngFile.Write(ComparisonFigure.Render(RgbImage.Filled(3, 2, 230, 200, 220), tumor, probabilities, zoom: 16), files.ComparisonPng);
        return files.Folder;
    }
}
