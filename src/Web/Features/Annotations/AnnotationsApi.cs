using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Features.Api;

namespace TumorWeb.Web.Features.Annotations;

/// <summary>
/// /api/slides/{id}/annotations: the regions drawn on a slide as GeoJSON (anyone signed in reads;
/// operators and admins replace them), and /api/slides/{id}/ground-truth: which source the slide's
/// ground truth comes from.
/// </summary>
public static class AnnotationsApi
{
    public static IEndpointRouteBuilder MapAnnotationsApi(this IEndpointRouteBuilder app)
    {
        var slides = app.MapGroup("/api/slides/{id:int}");
        slides.MapGet("annotations", GetAsync);
        slides.MapGet("annotations.xml", GetXmlAsync);
        slides.MapPut("annotations", PutAsync).RequireAuthorization(LabRoles.OperatePolicy);
        slides.MapPut("ground-truth", SetSourceAsync).RequireAuthorization(LabRoles.OperatePolicy);
        return app;
    }

    private static async Task<IResult> GetAsync(int id, AppAnnotations annotations, CancellationToken ct) =>
        await annotations.GeoJsonAsync(id, ct) is { } collection
            ? Results.Text(collection, "application/geo+json")
            : ApiResults.NotFound($"slide {id} does not exist");

    /// <summary>The same regions as ASAP XML (groups Tumor and Exclusion), for ASAP and the app's own XML reader.</summary>
    private static async Task<IResult> GetXmlAsync(int id, AppAnnotations annotations, CancellationToken ct)
    {
        if (await annotations.RegionsAsync(id, ct) is not { } regions) return ApiResults.NotFound($"slide {id} does not exist");
        using var buffer = new MemoryStream();
        AsapXmlAnnotationWriter.Write(buffer, AnnotationFeature.Of(regions.Regions));
        return Results.File(buffer.ToArray(), "application/xml", $"slide-{id}-annotations.xml");
    }

    private static async Task<IResult> PutAsync(int id, HttpRequest request, AppAnnotations annotations,
        IDbContextFactory<TumorWebDbContext> dbFactory, CancellationToken ct)
    {
        long width, height;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var size = await db.RegisteredSlides.Where(s => s.Id == id).Select(s => new { s.Width, s.Height, s.Vendor }).SingleOrDefaultAsync(ct);
            if (size is null) return ApiResults.NotFound($"slide {id} does not exist");
            if (size.Width <= 0) return ApiResults.Conflict($"slide {id} has not been read yet (or cannot be read), so its size is unknown; try again when its dataset scan is done");
            (width, height) = (size.Width, size.Height);
        }
        IReadOnlyList<DrawnRegion> regions;
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            regions = AnnotationGeoJsonReader.Read(body.RootElement, width, height);
        }
        catch (JsonException e)
        {
            return ApiResults.BadRequest($"the body is not JSON: {e.Message}");
        }
        catch (AnnotationSaveException e)
        {
            return ApiResults.BadRequest(e.Message);
        }
        return await annotations.SaveAsync(SignedInUser.NameOf(request.HttpContext.User), id, regions, ct)
            ? Results.Text((await annotations.GeoJsonAsync(id, ct))!, "application/geo+json")
            : ApiResults.NotFound($"slide {id} does not exist");
    }

    private static async Task<IResult> SetSourceAsync(int id, GroundTruthRequest request, AppAnnotations annotations, HttpContext http, CancellationToken ct)
    {
        var useApp = request.Source?.Trim().ToLowerInvariant() switch
        {
            GroundTruthSources.App => true,
            GroundTruthSources.Files => (bool?)false,
            _ => null,
        };
        if (useApp is null)
            return ApiResults.BadRequest($"source \"{request.Source}\" is not \"{GroundTruthSources.App}\" (the regions drawn in the app) or \"{GroundTruthSources.Files}\" (the mask or annotation file)");
        return await annotations.SetSourceAsync(SignedInUser.NameOf(http.User), id, useApp.Value, ct)
            ? Results.NoContent()
            : ApiResults.NotFound($"slide {id} does not exist");
    }
}

public sealed record GroundTruthRequest(string? Source);
