using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Pipeline.Progress;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Web.Features.Datasets;

/// <summary>Opens one registered slide: OpenSlide metadata, the cached thumbnail, then the analysis grid's counts.</summary>
public static class SlideInspector
{
    /// <param name="drawn">The regions drawn in the app, for a slide that takes them as ground truth instead of its files.</param>
    public static SlideInspection Inspect(RegisteredSlide row, GridOptions options, SlideThumbnails thumbnails,
        IReadOnlyList<string> roots, IProgress<StageProgress>? progress, CancellationToken ct, DrawnAnnotations? drawn = null)
    {
        var linkProblem = new[] { row.SlidePath, row.MaskPath, row.AnnotationPath }.OfType<string>()
            .Select(path => DataRootFolder.LinkProblem(path, roots) is { } problem ? $"{path}: {problem}" : null)
            .FirstOrDefault(problem => problem is not null);
        if (linkProblem is not null) return SlideInspection.Failed(linkProblem);

        OpenSlideSlide slide;
        try
        {
            slide = OpenSlideSlide.Open(row.SlidePath);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return SlideInspection.Failed(e.Message);
        }
        using (slide)
        {
            var metadata = slide.Metadata;
            string? contentHash = null;
            try
            {
                contentHash = SlideFingerprint.Of(row.SlidePath);
                // Refused before the thumbnail, so the message names the grid's cell size rather than the thumbnail's.
                TissueReadPlan.Level(metadata, options.CellSize, options.MaxTissuePixels);
                thumbnails.Write(slide, row.Id, options.MaxTissuePixels, ct);
                var grid = BuildGrid(slide, row, drawn, options, progress, ct);
                return new SlideInspection(metadata.Vendor, metadata.Width, metadata.Height, metadata.Levels.Count, grid.Stats, grid.Role, null, contentHash);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return new SlideInspection(metadata.Vendor, metadata.Width, metadata.Height, metadata.Levels.Count, null, null, e.Message, contentHash);
            }
        }
    }

    /// <summary>SlideGridFiles.Build, but over the slide handle already open for the metadata and thumbnail.</summary>
    private static SlideGrid BuildGrid(ISlide slide, RegisteredSlide row, DrawnAnnotations? drawn, GridOptions options,
        IProgress<StageProgress>? progress, CancellationToken ct)
    {
        if (drawn is not null) return SlideGridBuilder.Build(slide, null, drawn.Regions, options, progress, ct);
        var annotations = row.AnnotationPath is null ? null
            : AnnotationFiles.Read(row.AnnotationPath, new SlideExtent(slide.Metadata.Width, slide.Metadata.Height), options.MaxAnnotationVertices);
        using var mask = row.MaskPath is null ? null : OpenSlideSlide.OpenMask(row.MaskPath);
        return SlideGridBuilder.Build(slide, mask, annotations, options, progress, ct);
    }
}
