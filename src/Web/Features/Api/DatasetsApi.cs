using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;

namespace TumorWeb.Web.Features.Api;

/// <summary>/api/datasets: the registered datasets and each one's slides.</summary>
public static class DatasetsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/datasets", async (IDbContextFactory<TumorWebDbContext> dbFactory, CancellationToken ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var rows = await db.Datasets.AsNoTracking().OrderBy(d => d.Id)
                .Select(d => new DatasetView(d.Id, d.Name, d.Folder, d.CreatedAt, d.Error, d.Slides.Count)).ToListAsync(ct);
            return Results.Ok(rows);
        });
        api.MapGet("/datasets/{id:int}", async (int id, IDbContextFactory<TumorWebDbContext> dbFactory, CancellationToken ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await db.Datasets.AsNoTracking().Include(d => d.Slides).SingleOrDefaultAsync(d => d.Id == id, ct) is not { } d)
                return ApiResults.NotFound($"dataset {id} does not exist");
            return Results.Ok(new DatasetDetailView(d.Id, d.Name, d.Folder, d.CreatedAt, d.Error,
                d.Slides.OrderBy(s => s.Name, StringComparer.Ordinal).Select(SlideView.From).ToList()));
        });
    }
}
