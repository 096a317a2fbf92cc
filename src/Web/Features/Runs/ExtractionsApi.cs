using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Features.Api;
using TumorWeb.Web.Features.Jobs;

namespace TumorWeb.Web.Features.Runs;

/// <summary>
/// /api/extractions: extraction runs, newest first, one run with its per-slide table, and hard-negative
/// mining of a run into a derived one (a job, as <c>POST /api/jobs/mining</c>).
/// </summary>
public static class ExtractionsApi
{
    /// <summary>The body of <c>POST /api/extractions/{id}/mine</c>: the training run whose furthest checkpoint scores, and how many cells to add.</summary>
    public sealed record MineRequest(int TrainingRunId, int Top);

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
        api.MapPost("/extractions/{id:int}/mine", (int id, HttpRequest request, IJobQueue queue) =>
                JobsApi.StartAsync<MineRequest>(request, queue, body => JobRequest.Mining(new MiningJobParameters(id, body.TrainingRunId, body.Top))))
            .RequireAuthorization(LabRoles.OperatePolicy);
    }
}
