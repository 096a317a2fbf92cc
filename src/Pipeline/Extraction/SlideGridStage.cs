using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Pipeline.Extraction;

/// <summary>Builds a dataset slide's grid and records its counts, role and content identity on the slide's row.</summary>
internal static class SlideGridStage
{
    public static SlideGrid Build(RunSlide slide, ExtractionOptions options, Grid.Annotations.DrawnAnnotations? drawn, CancellationToken ct)
    {
        if (options.PatchMicrons is not null)
        {
            // A slide that cannot give the patch's physical size fails here, with its grid, not in the middle of extraction.
            using var image = Slides.OpenSlideSlide.Open(slide.SlidePath);
            PatchGeometry.Of(image.Metadata, options);
        }
        var grid = drawn is null
            ? SlideGridFiles.Build(slide.SlidePath, slide.MaskPath, slide.AnnotationPath, options.Grid, null, ct)
            : SlideGridFiles.Build(slide.SlidePath, drawn, options.Grid, null, ct);
        slide.Width = grid.SlideWidth;
        slide.Height = grid.SlideHeight;
        SlideGridStats.CopyTo(grid.Stats, slide);
        slide.Role = grid.Role;
        slide.ContentHash = Slides.SlideFingerprint.Of(slide.SlidePath);
        return grid;
    }
}
