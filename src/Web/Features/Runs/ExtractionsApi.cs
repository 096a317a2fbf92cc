using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Web.Features.Api;

namespace TumorWeb.Web.Features.Runs;

/// <summary>/api/extractions: extraction runs, newest first, and one run with its per-slide table.</summary>
public static class ExtractionsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/extractions", async (IDbContextFactory<TumorWebDbContext> dbFactory, CancellationToken ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var rows = await db.ExtractionRuns.AsNoTracking().OrderByDescending(r => r.Id).ToListAsync(ct);
            return Results.Ok(rows.Select(ExtractionView.From));
        });
        api.MapGet("/extractions/{id:int}", async (int id, IDbContextFactory<TumorWebDbContext> dbFactory, CancellationToken ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await db.ExtractionRuns.AsNoTracking().Include(r => r.Slides).SingleOrDefaultAsync(r => r.Id == id, ct) is not { } run)
                return ApiResults.NotFound($"extraction run {id} does not exist");
            return Results.Ok(new ExtractionDetailView(ExtractionView.From(run),
                run.Slides.OrderBy(s => s.Name, StringComparer.Ordinal).Select(RunSlideView.From).ToList()));
        });
    }
}
