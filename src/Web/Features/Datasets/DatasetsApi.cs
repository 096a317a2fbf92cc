using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Features.Api;

namespace TumorWeb.Web.Features.Datasets;

/// <summary>
/// /api/datasets: the registered datasets and each one's slides; operators register, refresh and
/// remove datasets and set a slide's role.
/// </summary>
public static class DatasetsApi
{
    public static IEndpointRouteBuilder MapDatasetsApi(this IEndpointRouteBuilder app)
    {
        var datasets = app.MapGroup("/api/datasets");
        var operate = datasets.MapGroup("").RequireAuthorization(LabRoles.OperatePolicy);
        datasets.MapGet("", ListAsync);
        datasets.MapGet("{id:int}", GetAsync);
        operate.MapPost("", RegisterAsync);
        operate.MapPost("{id:int}/refresh", RefreshAsync);
        operate.MapPatch("{id:int}/slides/{slideId:int}", SetRoleAsync);
        operate.MapDelete("{id:int}", DeleteAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(IDbContextFactory<TumorWebDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Datasets.AsNoTracking().OrderBy(d => d.Id)
            .Select(d => new DatasetView(d.Id, d.Name, d.Folder, d.CreatedAt, d.Error, d.Slides.Count)).ToListAsync(ct);
        return Results.Ok(rows);
    }

    private static async Task<IResult> GetAsync(int id, IDbContextFactory<TumorWebDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Datasets.AsNoTracking().Include(d => d.Slides).SingleOrDefaultAsync(d => d.Id == id, ct) is not { } d)
            return ApiResults.NotFound($"dataset {id} does not exist");
        return Results.Ok(new DatasetDetailView(d.Id, d.Name, d.Folder, d.CreatedAt, d.Error,
            d.Slides.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => SlideView.From(s, d.TumorSlideThreshold)).ToList(), d.TumorSlideThreshold));
    }

    private static async Task<IResult> RegisterAsync(RegisterDatasetRequest request, DatasetRegistry registry, HttpContext http, CancellationToken ct)
    {
        try
        {
            var grid = new GridOptions { TumorSlideThreshold = request.TumorSlideThreshold ?? GridOptions.DefaultTumorSlideThreshold };
            var dataset = await registry.RegisterAsync(SignedInUser.NameOf(http.User), request.Folder ?? "", request.Name ?? "", grid, ct);
            return Results.Created($"/api/datasets/{dataset.Id}",
                new RegisteredDatasetResponse(dataset.Id, dataset.Name, dataset.Folder, dataset.Slides.Count));
        }
        catch (DatasetFolderException e)
        {
            return Results.Problem(title: "The folder cannot be registered", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (ArgumentException e)
        {
            return Results.Problem(title: "The dataset cannot be registered", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
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
}

public sealed record RegisterDatasetRequest(string? Folder, string? Name, int? TumorSlideThreshold = null);

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
