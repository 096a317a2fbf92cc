using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Cluster.Engine;

/// <summary>
/// Moves a job through its <see cref="JobStagePlan"/>: when the last item of a stage completes,
/// the node that completed it makes the next stage's items (the unique index on (job, stage, key)
/// lets only one node insert them, and only that node enqueues them), or completes the job.
/// </summary>
public sealed class JobStages(IDbContextFactory<TumorWebDbContext> dbFactory, JobItemDispatch dispatch, JobOutcomes outcomes,
    IEnumerable<IStageSlides> slideSources, ILogger<JobStages> logger)
{
    private static readonly RunStatus[] Live = [RunStatus.Queued, RunStatus.Running];

    /// <summary>The items of <paramref name="stage"/> for <paramref name="job"/>, not yet saved.</summary>
    public async Task<List<JobItem>> NewItemsAsync(TumorWebDbContext db, Job job, StagePlan stage, CancellationToken ct)
    {
        IReadOnlyList<string> keys = [""];
        if (stage.PerSlide)
        {
            var source = slideSources.FirstOrDefault(s => s.Kind == job.Kind)
                ?? throw new InvalidOperationException($"{job.Kind} jobs have a per-slide {stage.Stage} stage but nothing names their slides");
            keys = await source.SlidesAsync(db, job, stage.Stage, ct);
        }
        return keys.Select(key => new JobItem { JobId = job.Id, Stage = stage.Stage, Key = key, Queue = stage.Queue, Status = RunStatus.Queued }).ToList();
    }

    /// <summary>
    /// Makes the next step happen for a live job whose last stage has every item completed: the
    /// next stage's items (enqueued) or the job's completion. Does nothing while items are unfinished.
    /// For a job asked to cancel, it settles the cancel instead, unless its work is all done.
    /// Safe to call from any node at any time.
    /// </summary>
    public async Task AdvanceAsync(int jobId, string? lastMessage, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId && Live.Contains(j.Status), ct);
        if (job is null) return;
        var items = await db.JobItems.AsNoTracking().Where(i => i.JobId == jobId).Select(i => new { i.Stage, i.Status }).ToListAsync(ct);
        var plan = JobStagePlan.For(job.Kind);
        StagePlan? next;
        if (items.Count == 0)
        {
            next = plan[0];
        }
        else
        {
            var last = plan.Last(s => items.Any(i => i.Stage == s.Stage));
            if (items.Any(i => i.Stage == last.Stage && i.Status != RunStatus.Completed))
            {
                if (job.CancelRequestedAt is not null) await outcomes.SettleCancelAsync(jobId);
                return;
            }
            next = JobStagePlan.After(job.Kind, last.Stage);
        }
        if (next is null)
        {
            // Finished before it saw the cancel: done is done, as in embedded mode.
            await outcomes.CompleteAsync(jobId, lastMessage);
            return;
        }
        if (job.CancelRequestedAt is not null)
        {
            await outcomes.SettleCancelAsync(jobId);
            return;
        }
        var created = await InsertAsync(db, job, next, ct);
        if (!await DispatchAsync(jobId, created)) return;
        if (created.Count > 0)
            logger.LogInformation("Job {JobId}: stage {Stage} starts with {Items} item(s) on {Queue}", jobId, next.Stage, created.Count, next.Queue);
        // A per-slide stage of a run with no slide has nothing to wait for.
        if (created.Count == 0 && !await db.JobItems.AnyAsync(i => i.JobId == jobId && i.Stage == next.Stage, ct))
            await AdvancePastEmptyAsync(db, job, next, lastMessage, ct);
    }

    private async Task AdvancePastEmptyAsync(TumorWebDbContext db, Job job, StagePlan empty, string? lastMessage, CancellationToken ct)
    {
        for (var stage = JobStagePlan.After(job.Kind, empty.Stage); ; stage = JobStagePlan.After(job.Kind, stage.Stage))
        {
            if (stage is null)
            {
                await outcomes.CompleteAsync(job.Id, lastMessage);
                return;
            }
            var created = await InsertAsync(db, job, stage, ct);
            if (!await DispatchAsync(job.Id, created)) return;
            if (created.Count > 0 || await db.JobItems.AnyAsync(i => i.JobId == job.Id && i.Stage == stage.Stage, ct)) return;
        }
    }

    /// <summary>
    /// Hands saved items to Hangfire. When Hangfire cannot take them (its tables unreachable), nothing
    /// would ever run them, so the job fails with the reason; resuming it hands them over again.
    /// </summary>
    public async Task<bool> DispatchAsync(int jobId, IReadOnlyList<JobItem> items)
    {
        try
        {
            await dispatch.EnqueueAllAsync(items);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Job {JobId}: could not queue {Items} item(s) in Hangfire", jobId, items.Count);
            await outcomes.FailAsync(jobId, $"could not queue its work in Hangfire: {e.Message}; resume the job to try again");
            return false;
        }
    }

    /// <summary>Saves the stage's items; none when another node saved them first (the unique index refused ours).</summary>
    private async Task<List<JobItem>> InsertAsync(TumorWebDbContext db, Job job, StagePlan stage, CancellationToken ct)
    {
        var items = await NewItemsAsync(db, job, stage, ct);
        if (items.Count == 0) return items;
        db.JobItems.AddRange(items);
        try
        {
            await db.SaveChangesAsync(ct);
            return items;
        }
        catch (DbUpdateException)
        {
            if (!await StageExistsAsync(job.Id, stage.Stage, ct)) throw;
            logger.LogDebug("Job {JobId}: another node made the {Stage} items first", job.Id, stage.Stage);
            db.ChangeTracker.Clear();
            return [];
        }
    }

    private async Task<bool> StageExistsAsync(int jobId, JobItemStage stage, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.JobItems.AnyAsync(i => i.JobId == jobId && i.Stage == stage, ct);
    }
}

/// <summary>
/// Names the slides of a job of <see cref="Kind"/>: one item per slide in its per-slide stages, in the
/// order they are handed out (Hangfire delivers a queue's items first in, first out).
/// </summary>
public interface IStageSlides
{
    JobKind Kind { get; }

    Task<IReadOnlyList<string>> SlidesAsync(TumorWebDbContext db, Job job, JobItemStage stage, CancellationToken ct);
}
