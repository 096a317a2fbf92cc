using TumorWeb.Pipeline.Evaluation;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Pipeline.Inference.Regions;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Web.Features.Runs;

/// <summary>
/// The predicted tumour regions of an evaluated slide, from its stored heatmap. The slide is opened
/// for its size (cells at the edges are cut there) and its resolution (the regions' areas); when
/// the slide file is gone, the regions keep whole edge cells and have no area.
/// </summary>
public static class EvaluationRegions
{
    public static IReadOnlyList<PredictedRegion> Of(string heatmapFolder, double threshold)
    {
        var heatmap = HeatmapFolder.Read(heatmapFolder);
        var (summary, cells) = (heatmap.Summary, heatmap.Cells);
        var extent = new SlideExtent((long)cells.Width * summary.CellSize, (long)cells.Height * summary.CellSize);
        MicronsPerPixel? mpp = null;
        try
        {
            using var slide = OpenSlideSlide.Open(summary.SlidePath);
            extent = new SlideExtent(slide.Metadata.Width, slide.Metadata.Height);
            mpp = SlideResolution.Of(slide.Metadata);
        }
        catch (SlideException)
        {
        }
        return PredictedRegions.Find(cells.Probabilities, new GridSize(cells.Width, cells.Height), summary.CellSize, extent, threshold, mpp);
    }

    /// <summary>The query's threshold, or the default; null when it is not a number in (0, 1].</summary>
    public static double? Threshold(string? text) =>
        text is null ? PredictedRegions.DefaultThreshold
        : double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var t) && t > 0 && t <= 1 ? t : null;
}
