using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Pipeline.Progress;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Grid;

/// <summary>The grid stage over files: opens the slide and its mask or annotations, then builds the grid.</summary>
public static class SlideGridFiles
{
    public static SlideGrid Build(string slidePath, string? maskPath, string? annotationsPath, GridOptions options,
        IProgress<StageProgress>? progress, CancellationToken ct)
    {
        using var slide = OpenSlideSlide.Open(slidePath);
        var annotations = annotationsPath is null ? null
            : AnnotationFiles.Read(annotationsPath, new SlideExtent(slide.Metadata.Width, slide.Metadata.Height), options.MaxAnnotationVertices);
        using var mask = maskPath is null ? null : OpenSlideSlide.OpenMask(maskPath);
        return SlideGridBuilder.Build(slide, mask, annotations, options, progress, ct);
    }

    /// <summary>The grid of a slide whose ground truth is regions drawn in the app, not the files beside it.</summary>
    public static SlideGrid Build(string slidePath, DrawnAnnotations drawn, GridOptions options, IProgress<StageProgress>? progress, CancellationToken ct)
    {
        using var slide = OpenSlideSlide.Open(slidePath);
        return SlideGridBuilder.Build(slide, null, drawn.Regions, options, progress, ct);
    }
}
