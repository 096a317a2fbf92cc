using Microsoft.Net.Http.Headers;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Web.Features.Viewer;

/// <summary>Grid-resolution PNG overlays: tissue and ground truth of a slide, the heatmap of an evaluation slide.</summary>
public static class OverlayEndpoints
{
    public static void MapOverlays(this IEndpointRouteBuilder app)
    {
        app.MapGet("/slides/{id:int}/overlays/tissue.png", (int id, SlideOverlays overlays, CancellationToken ct) =>
            SlideOverlay(id, SlideOverlays.TissueName, overlays, ct));
        app.MapGet("/slides/{id:int}/overlays/tumor.png", (int id, SlideOverlays overlays, CancellationToken ct) =>
            SlideOverlay(id, SlideOverlays.TumorName, overlays, ct));
        app.MapGet("/evaluations/{evaluationId:int}/slides/{evaluationSlideId:int}/overlay.png", Heatmap);
        app.MapGet("/slides/{id:int}/ground-truth.geojson", (int id, GroundTruthExport export, CancellationToken ct) =>
            GroundTruth(id, export, "geojson", ct));
        app.MapGet("/slides/{id:int}/ground-truth.xml", (int id, GroundTruthExport export, CancellationToken ct) =>
            GroundTruth(id, export, "xml", ct));
    }

    /// <summary>The slide's ground truth as a QuPath GeoJSON or ASAP XML download.</summary>
    private static async Task<IResult> GroundTruth(int id, GroundTruthExport export, string format, CancellationToken ct)
    {
        try
        {
            var features = await export.FeaturesAsync(id, ct);
            if (features is null) return Results.NotFound($"slide {id} is not registered or has no mask or annotations");
            using var buffer = new MemoryStream();
            if (format == "geojson") GeoJsonAnnotationWriter.Write(buffer, features);
            else AsapXmlAnnotationWriter.Write(buffer, features);
            return Results.File(buffer.ToArray(), format == "geojson" ? "application/geo+json" : "application/xml", $"slide-{id}-ground-truth.{format}");
        }
        catch (Exception e) when (e is SlideException or AnnotationException or IOException)
        {
            return TileEndpoints.Unreadable(e);
        }
    }

    private static async Task<IResult> SlideOverlay(int id, string name, SlideOverlays overlays, CancellationToken ct)
    {
        try
        {
            var path = await overlays.PathAsync(id, name, ct);
            if (path is null) return Results.NotFound($"slide {id} is not registered or has no {Path.GetFileNameWithoutExtension(name)} overlay");
            var written = File.GetLastWriteTimeUtc(path);
            // Revalidated on every use: a re-registered slide rebuilds its overlays under the same URL.
            return Results.File(path, "image/png", lastModified: written, entityTag: new EntityTagHeaderValue($"\"{written.Ticks:x}\""));
        }
        catch (Exception e) when (e is SlideException or AnnotationException or IOException)
        {
            return TileEndpoints.Unreadable(e);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The build stopped without this request being aborted: its dataset was deleted.
            return Results.NotFound($"slide {id} was removed while its overlay was being built");
        }
    }

    private static async Task<IResult> Heatmap(int evaluationId, int evaluationSlideId, HeatmapOverlays heatmaps, CancellationToken ct)
    {
        var files = await heatmaps.FilesAsync(evaluationId, evaluationSlideId, ct);
        if (files is null) return Results.NotFound($"evaluation {evaluationId} has no slide {evaluationSlideId}");
        if (!File.Exists(files.Probabilities) || !File.Exists(files.Cells))
            return Results.NotFound($"{files.Folder}: no heatmap yet ({Path.GetFileName(files.Probabilities)} and {Path.GetFileName(files.Cells)})");
        try
        {
            return Results.Bytes(HeatmapOverlays.Render(files), "image/png");
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The heatmap cannot be read");
        }
    }
}
