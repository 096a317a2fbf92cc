using Microsoft.EntityFrameworkCore;
using NetVips;
using TumorWeb.Data;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Pipeline.Inference.Regions;
using TumorWeb.Web.Features.Annotations;
using TumorWeb.Web.Features.Datasets;

namespace TumorWeb.Web.Features.Viewer;

/// <summary>
/// A registered slide's ground truth as polygons, for QuPath and ASAP: the regions drawn in the app
/// when the slide takes them, else the polygons of its XML or GeoJSON annotation file as they are, or for a mask the outlines of the grid's tumour cells
/// (the viewer's ground-truth overlay, cell by cell).
/// </summary>
public sealed class GroundTruthExport(IDbContextFactory<TumorWebDbContext> dbFactory, DatasetRoots roots, SlideOverlays overlays)
{
    /// <summary>Null when there is no such slide or it has no ground truth.</summary>
    public async Task<IReadOnlyList<AnnotationFeature>?> FeaturesAsync(int slideId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var slide = await db.RegisteredSlides.AsNoTracking().SingleOrDefaultAsync(s => s.Id == slideId, ct);
        if (slide is null) return null;
        if (await AppAnnotations.GroundTruthAsync(db, slide, ct) is { } drawn) return AnnotationFeature.Of(drawn.Regions);
        if (slide.AnnotationPath is null && slide.MaskPath is null) return null;
        if (slide.MaskPath is null && slide.AnnotationPath is { } annotationPath)
        {
            SlideFilesInRoots.Ensure(roots.Allowed, annotationPath);
            var extent = slide.Width > 0 ? new SlideExtent(slide.Width, slide.Height) : (SlideExtent?)null;
            return AnnotationFeature.Of(await Task.Run(() => AnnotationFiles.Read(annotationPath, extent), ct));
        }
        var png = await overlays.PathAsync(slideId, SlideOverlays.TumorName, ct);
        if (png is null) return null;
        var (width, height) = overlays.LevelZeroSize(slide);
        return MaskOutlines(png, new SlideExtent(width, height));
    }

    /// <summary>The overlay has one pixel per cell, opaque where the cell is tumour.</summary>
    private static IReadOnlyList<AnnotationFeature> MaskOutlines(string overlayPng, SlideExtent slide)
    {
        using var image = Image.NewFromFile(overlayPng, access: Enums.Access.Sequential);
        var rgba = image.WriteToMemory<byte>();
        var cells = new CellMask(image.Width, image.Height);
        for (var i = 0; i < image.Width * image.Height; i++) cells[i % image.Width, i / image.Width] = rgba[i * 4 + 3] > 0;
        var probabilities = Enumerable.Range(0, cells.Width * cells.Height).Select(i => cells[i % cells.Width, i / cells.Width] ? 1f : 0f).ToArray();
        return PredictedRegions.Find(probabilities, cells.Size, SlideOverlays.CellSize, slide, 1, null)
            .Select(r => new AnnotationFeature(r.Outline, AnnotationRole.Tumor)).ToList();
    }
}
