using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Pipeline.Progress;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Extraction;

/// <summary>Opens a dataset slide with its mask or annotations and builds its grid.</summary>
internal static class SlideGridStage
{
    public static SlideGrid Build(RunSlide slide, GridOptions options, IProgress<StageProgress>? progress, CancellationToken ct)
    {
        using var image = OpenSlideSlide.Open(slide.SlidePath);
        using var mask = slide.MaskPath is null ? null : OpenSlideSlide.Open(slide.MaskPath);
        var annotations = slide.AnnotationPath is null ? null : AsapAnnotationReader.Read(slide.AnnotationPath);
        var grid = SlideGridBuilder.Build(image, mask, annotations, options, progress, ct);
        slide.Width = image.Metadata.Width;
        slide.Height = image.Metadata.Height;
        slide.GridWidth = grid.Stats.GridWidth;
        slide.GridHeight = grid.Stats.GridHeight;
        slide.TissueCells = grid.Stats.TissueCells;
        slide.TumorCells = grid.Stats.TumorCells;
        slide.NormalCells = grid.Stats.NormalCells;
        slide.Role = grid.Role == Grid.SlideRole.Tumor ? Data.Entities.SlideRole.Tumor : Data.Entities.SlideRole.Normal;
        return grid;
    }
}
