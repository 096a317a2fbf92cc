using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Accounts;

namespace TumorWeb.Web.Features.Datasets;

/// <summary>Registering, editing and removing datasets over HTTP, and the slide thumbnails.</summary>
public static class DatasetEndpoints
{
    public static IEndpointRouteBuilder MapDatasets(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/datasets").RequireAuthorization(LabRoles.OperatePolicy);
        api.MapPost("", RegisterAsync);
        api.MapPost("{id:int}/refresh", RefreshAsync);
        api.MapPatch("{id:int}/slides/{slideId:int}", SetRoleAsync);
        api.MapDelete("{id:int}", DeleteAsync);
        app.MapGet("/thumbnails/{slideId:int}", Thumbnail);
        return app.MapDataRoots();
    }

    private static async Task<IResult> RegisterAsync(RegisterDatasetRequest request, DatasetRegistry registry, HttpContext http, CancellationToken ct)
    {
        try
        {
            var dataset = await registry.RegisterAsync(SignedInUser.NameOf(http.User), request.Folder ?? "", request.Name ?? "", ct: ct);
            return Results.Created($"/api/datasets/{dataset.Id}",
                new RegisteredDatasetResponse(dataset.Id, dataset.Name, dataset.Folder, dataset.Slides.Count));
        }
        catch (DatasetFolderException e)
        {
            return Results.Problem(title: "The folder cannot be registered", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> RefreshAsync(int id, DatasetRegistry registry, HttpContext http, CancellationToken ct)
    {
        try
        {
            return await registry.RefreshAsync(SignedInUser.NameOf(http.User), id, ct: ct) ? Results.Accepted($"/api/datasets/{id}") : Results.NotFound();
        }
        catch (DatasetFolderException e)
        {
            return Results.Problem(title: "The folder cannot be read", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> SetRoleAsync(int id, int slideId, SlideRoleRequest request, DatasetRegistry registry, HttpContext http, CancellationToken ct)
    {
        if (!SlideRoles.TryParse(request.Role, out var role))
            return Results.Problem(title: "Unknown role", detail: $"role \"{request.Role}\" is not Tumor or Normal", statusCode: StatusCodes.Status400BadRequest);
        return await registry.SetRoleAsync(SignedInUser.NameOf(http.User), id, slideId, role, ct) ? Results.NoContent() : Results.NotFound();
    }

    private static async Task<IResult> DeleteAsync(int id, DatasetRegistry registry, HttpContext http, CancellationToken ct) =>
        await registry.DeleteAsync(SignedInUser.NameOf(http.User), id, ct) ? Results.NoContent() : Results.NotFound();

    private static IResult Thumbnail(int slideId, SlideThumbnails thumbnails)
    {
        var path = thumbnails.PathOf(slideId);
        return File.Exists(path)
            ? Results.File(path, "image/png", lastModified: File.GetLastWriteTimeUtc(path))
            : Results.NotFound();
    }
}

public sealed record RegisterDatasetRequest(string? Folder, string? Name);

public sealed record RegisteredDatasetResponse(int Id, string Name, string Folder, int SlideCount);

public sealed record SlideRoleRequest(string? Role);

/// <summary>The roles a user may give a slide, by name.</summary>
public static class SlideRoles
{
    public static bool TryParse(string? text, out SlideRole role)
    {
        role = text?.Trim().ToLowerInvariant() switch
        {
            "tumor" => SlideRole.Tumor,
            "normal" => SlideRole.Normal,
            _ => SlideRole.Unknown,
        };
        return role != SlideRole.Unknown;
    }
}
