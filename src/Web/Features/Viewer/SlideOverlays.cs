using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TumorWeb.Data;
using TumorWeb.Pipeline.DeepZoom;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Web.Features.Annotations;
using TumorWeb.Web.Features.Datasets;
using TumorWeb.Web.Hosting;

namespace TumorWeb.Web.Features.Viewer;

/// <summary>
/// The tissue and ground-truth overlays of a registered slide: one pixel per grid cell, built once
/// with the grid stage and kept as PNGs in DataDirectory/grids/{slideId}/. A build runs for as long
/// as some request waits for it and its dataset exists, and never decodes more than
/// TumorWeb:MaxTissuePixels.
/// </summary>
public sealed class SlideOverlays(IDbContextFactory<TumorWebDbContext> dbFactory, TumorWebPaths paths, DatasetRoots roots,
    DatasetLifetimes lifetimes, IOptions<TumorWebOptions> settings)
{
    public const string TissueName = "tissue.png";
    public const string TumorName = "tumor.png";

    /// <summary>The ground truth's contours as JSON segments, drawn as lines rather than filled cells.</summary>
    public const string TumorOutlineName = "tumor-outline.json";

    /// <summary>The cell size these overlays' grid is built with: one PNG pixel per cell of this many level-0 pixels.</summary>
    public const int CellSize = AnalysisGrid.DefaultCellSize;

    private readonly SharedBuilds<int> _builds = new();

    public string Folder(int slideId) => Path.Combine(paths.DataDirectory, "grids", slideId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// The overlay file's path, built first if needed; null when there is no such slide, or for the
    /// tumor overlay and outline when the slide has neither a mask nor annotations.
    /// </summary>
    public async Task<string?> PathAsync(int slideId, string name, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var slide = await db.RegisteredSlides.AsNoTracking().SingleOrDefaultAsync(s => s.Id == slideId, ct);
        if (slide is null) return null;
        if (name is TumorName or TumorOutlineName && slide.UseAppAnnotations)
            return DrawnTumorOverlay(slide, name, (await AppAnnotations.GroundTruthAsync(db, slide, ct))!, ct);
        if (name is TumorName or TumorOutlineName && slide.MaskPath is null && slide.AnnotationPath is null) return null;
        var path = Path.Combine(Folder(slideId), name);
        if (File.Exists(path)) return path;
        SlideFilesInRoots.Ensure(roots.Allowed, slide.SlidePath, slide.MaskPath, slide.AnnotationPath);
        var options = new GridOptions { CellSize = CellSize, MaxTissuePixels = settings.Value.MaxTissuePixels };
        // Requests for both overlays of a slide that arrive together share one grid build.
        await _builds.WaitAsync(slideId, buildCt =>
        {
            Build(slide.SlidePath, slide.MaskPath, slide.AnnotationPath, Folder(slideId), options, buildCt);
            return Task.CompletedTask;
        }, lifetimes.Of(slide.DatasetId), ct);
        return path;
    }

    /// <summary>
    /// The tumour cells (<paramref name="name"/>: the filled overlay or the outline) of regions drawn in
    /// the app, named by their hash so an edit gets new files; only the rasteriser runs, as the grid
    /// stage would run it, without reading the slide's pixels.
    /// </summary>
    private string DrawnTumorOverlay(RegisteredSlide slide, string name, DrawnAnnotations drawn, CancellationToken ct)
    {
        var folder = Folder(slide.Id);
        var filled = Path.Combine(folder, $"tumor-app-{drawn.Hash}.png");
        var outline = Path.Combine(folder, $"tumor-outline-app-{drawn.Hash}.json");
        var path = name == TumorOutlineName ? outline : filled;
        if (File.Exists(path)) return path;
        var (width, height) = LevelZeroSize(slide);
        var tumor = AnnotationRasterizer.TumorCells(drawn.Regions, width, height, CellSize, null, ct);
        Directory.CreateDirectory(folder);
        foreach (var old in Directory.EnumerateFiles(folder, "tumor-*app-*").Where(old => old != filled && old != outline)) File.Delete(old);
        WriteFile(filled, RgbaPng.Encode(CellOverlay.Mask(tumor, GridOverlay.TumorColour), tumor.Width, tumor.Height));
        WriteFile(outline, OutlineJson.Serialize(tumor, CellSize));
        return path;
    }

    /// <summary>The slide's level-0 size as the dataset scan recorded it, else read from the file.</summary>
    public (long Width, long Height) LevelZeroSize(RegisteredSlide registered)
    {
        if (registered.Width > 0) return (registered.Width, registered.Height);
        SlideFilesInRoots.Ensure(roots.Allowed, registered.SlidePath);
        using var slide = Pipeline.Slides.OpenSlideSlide.Open(registered.SlidePath);
        return (slide.Metadata.Width, slide.Metadata.Height);
    }

    private static void Build(string slidePath, string? maskPath, string? annotationPath, string folder, GridOptions options, CancellationToken ct)
    {
        var grid = SlideGridFiles.Build(slidePath, maskPath, annotationPath, options, null, ct);
        Directory.CreateDirectory(folder);
        Write(folder, TumorName, CellOverlay.Mask(grid.Tumor, GridOverlay.TumorColour), grid);
        WriteFile(Path.Combine(folder, TumorOutlineName), OutlineJson.Serialize(grid.Tumor, CellSize));
        // Tissue last: its presence means the folder is complete.
        Write(folder, TissueName, CellOverlay.Mask(grid.Tissue, GridOverlay.TissueColour), grid);
    }

    private static void Write(string folder, string name, byte[] rgba, SlideGrid grid) =>
        WriteFile(Path.Combine(folder, name), RgbaPng.Encode(rgba, grid.Tissue.Width, grid.Tissue.Height));

    private static void WriteFile(string path, byte[] bytes)
    {
        // Unique: an abandoned build may still be finishing while its successor writes.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }
}
