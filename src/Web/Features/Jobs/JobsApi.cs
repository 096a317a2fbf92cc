using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Features.Api;

namespace TumorWeb.Web.Features.Jobs;

/// <summary>/api/jobs: list, read, start (one POST per kind, the body is the kind's parameter record), cancel and resume.</summary>
public static class JobsApi
{
    public const int MaxTake = 1000;

    public static void Map(RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/jobs");
        var operate = jobs.MapGroup("").RequireAuthorization(LabRoles.OperatePolicy);
        jobs.MapGet("/", ListAsync);
        jobs.MapGet("/{id:int}", GetAsync);
        operate.MapPost("/extraction", (HttpRequest r, IJobQueue q) => StartAsync<ExtractionJobParameters>(r, q, p => JobRequest.Extraction(p)));
        operate.MapPost("/training", (HttpRequest r, IJobQueue q) => StartAsync<TrainingJobParameters>(r, q, p => JobRequest.Training(p)));
        operate.MapPost("/evaluation", (HttpRequest r, IJobQueue q) => StartAsync<EvaluationJobParameters>(r, q, p => JobRequest.Evaluation(p)));
        operate.MapPost("/mining", (HttpRequest r, IJobQueue q) => StartAsync<MiningJobParameters>(r, q, p => JobRequest.Mining(p)));
        operate.MapPost("/{id:int}/cancel", CancelAsync);
        operate.MapPost("/{id:int}/resume", ResumeAsync);
    }

    private static async Task<IResult> ListAsync(IDbContextFactory<TumorWebDbContext> dbFactory, RunStatus? status, int? take, CancellationToken ct)
    {
        if (take is < 1 or > MaxTake) return ApiResults.BadRequest($"take must be between 1 and {MaxTake} (got {take})");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Jobs.AsNoTracking();
        if (status is { } s) query = query.Where(j => j.Status == s);
        var rows = await query.OrderByDescending(j => j.Id).Take(take ?? 100).ToListAsync(ct);
        return Results.Ok(rows.Select(JobView.From));
    }

    private static async Task<IResult> GetAsync(int id, IDbContextFactory<TumorWebDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct) is { } job
            ? Results.Ok(JobView.From(job))
            : ApiResults.NotFound($"job {id} does not exist");
    }

    internal static async Task<IResult> StartAsync<T>(HttpRequest request, IJobQueue queue, Func<T, JobRequest> toRequest)
        where T : class
    {
        var (parameters, problem) = await JsonBody.ReadAsync<T>(request);
        if (parameters is null) return problem!;
        try
        {
            var job = await queue.EnqueueAsync(toRequest(parameters) with { CreatedBy = SignedInUser.NameOf(request.HttpContext.User) },
                request.HttpContext.RequestAborted);
            return Results.Created($"/api/jobs/{job.Id}", JobView.From(job));
        }
        catch (ArgumentException e)
        {
            return ApiResults.BadRequest(e.Message);
        }
    }

    private static async Task<IResult> CancelAsync(int id, IJobQueue queue, IDbContextFactory<TumorWebDbContext> dbFactory, HttpContext http,
        CancellationToken ct) =>
        await ChangeAsync(id, dbFactory, () => queue.CancelAsync(id, SignedInUser.NameOf(http.User), ct), "only a queued or running job can be cancelled", ct);

    private static async Task<IResult> ResumeAsync(int id, IJobQueue queue, IDbContextFactory<TumorWebDbContext> dbFactory, HttpContext http,
        CancellationToken ct) =>
        await ChangeAsync(id, dbFactory, () => queue.ResumeAsync(id, SignedInUser.NameOf(http.User), ct), "only an interrupted, cancelled or failed job can be resumed", ct);

    private static async Task<IResult> ChangeAsync(int id, IDbContextFactory<TumorWebDbContext> dbFactory, Func<Task<bool>> change, string rule,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct) is not { } before)
            return ApiResults.NotFound($"job {id} does not exist");
        if (!await change()) return ApiResults.Conflict($"job {id} is {before.Status}: {rule}");
        var after = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id, ct);
        return Results.Ok(JobView.From(after));
    }
}
