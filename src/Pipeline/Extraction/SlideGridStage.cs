using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Pipeline.Extraction;

/// <summary>Builds a dataset slide's grid and records its counts, role and content identity on the slide's row.</summary>
internal static class SlideGridStage
{
    public static SlideGrid Build(RunSlide slide, GridOptions options, Grid.Annotations.DrawnAnnotations? drawn, CancellationToken ct)
    {
        var grid = drawn is null
            ? SlideGridFiles.Build(slide.SlidePath, slide.MaskPath, slide.AnnotationPath, options, null, ct)
            : SlideGridFiles.Build(slide.SlidePath, drawn, options, null, ct);
        slide.Width = grid.SlideWidth;
        slide.Height = grid.SlideHeight;
        SlideGridStats.CopyTo(grid.Stats, slide);
        slide.Role = grid.Role;
        slide.ContentHash = Slides.SlideFingerprint.Of(slide.SlidePath);
        return grid;
    }
}
