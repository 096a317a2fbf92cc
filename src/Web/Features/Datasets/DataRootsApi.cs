using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Features.Api;

namespace TumorWeb.Web.Features.Datasets;

/// <summary>/api/roots, for admins: the data roots (settings, added, demo) and adding or removing added ones.</summary>
public static class DataRootsApi
{
    public static IEndpointRouteBuilder MapDataRoots(this IEndpointRouteBuilder app)
    {
        var roots = app.MapGroup("/api/roots").RequireAuthorization(LabRoles.AdminPolicy);
        roots.MapGet("/", ListAsync);
        roots.MapPost("/", AddAsync);
        roots.MapDelete("/{id:int}", RemoveAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(DataRootsAdmin admin, DatasetRoots roots, CancellationToken ct)
    {
        var added = await admin.ListAsync(ct);
        return Results.Ok(new DataRootsView(roots.Configured, added.Select(r => new AddedRootView(r.Id, r.Path, r.AddedBy, r.AddedAt)).ToList(), roots.DemoFolder));
    }

    private static async Task<IResult> AddAsync(NewRootRequest request, DataRootsAdmin admin, HttpContext http, CancellationToken ct)
    {
        try
        {
            var row = await admin.AddAsync(SignedInUser.NameOf(http.User), request.Path ?? "", ct);
            return Results.Created($"/api/roots/{row.Id}", new AddedRootView(row.Id, row.Path, row.AddedBy, row.AddedAt));
        }
        catch (ArgumentException e)
        {
            return ApiResults.BadRequest(e.Message);
        }
    }

    private static async Task<IResult> RemoveAsync(int id, DataRootsAdmin admin, HttpContext http, CancellationToken ct)
    {
        try
        {
            return await admin.RemoveAsync(SignedInUser.NameOf(http.User), id, ct) ? Results.NoContent() : ApiResults.NotFound($"data root {id} does not exist");
        }
        catch (DatasetFolderException e)
        {
            return ApiResults.Conflict(e.Message);
        }
    }
}

public sealed record NewRootRequest(string? Path);

public sealed record AddedRootView(int Id, string Path, string AddedBy, DateTimeOffset AddedAt);

public sealed record DataRootsView(IReadOnlyList<string> Configured, IReadOnlyList<AddedRootView> Added, string Demo);
