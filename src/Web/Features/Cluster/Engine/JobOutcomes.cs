using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Jobs.Queue;

namespace TumorWeb.Web.Features.Cluster.Engine;

/// <summary>
/// The job row's status in cluster mode, where many nodes work on one job: each change is one
/// conditional UPDATE, so the node whose update lands is the one that announces it.
/// </summary>
public sealed class JobOutcomes(IDbContextFactory<TumorWebDbContext> dbFactory, IRunNotifier notifier, TimeProvider time, ILogger<JobOutcomes> logger)
{
    public const string CancelledMessage = "cancelled; resume to continue from the last checkpoint";
    public const string CancelledBeforeStartMessage = "cancelled before it started";

    private static readonly RunStatus[] Live = [RunStatus.Queued, RunStatus.Running];

    /// <summary>The job is Running from the first claim of one of its items.</summary>
    public async Task MarkRunningAsync(int jobId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        await db.Jobs.Where(j => j.Id == jobId && j.Status == RunStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, RunStatus.Running).SetProperty(j => j.StartedAt, j => j.StartedAt ?? now)
                .SetProperty(j => j.CompletedAt, (DateTimeOffset?)null).SetProperty(j => j.Error, (string?)null), ct);
    }

    public async Task CompleteAsync(int jobId, string? message)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = time.GetUtcNow();
        var done = await db.Jobs.Where(j => j.Id == jobId && Live.Contains(j.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, RunStatus.Completed).SetProperty(j => j.Progress, 1.0)
                .SetProperty(j => j.Message, j => message ?? j.Message ?? "done").SetProperty(j => j.CompletedAt, now));
        if (done == 1) await AnnounceAsync(db, jobId);
    }

    /// <summary>One failed item fails its job (the pipeline fails only the slide for a slide's own error, and returns).</summary>
    public async Task FailAsync(int jobId, string error)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = time.GetUtcNow();
        var failed = await db.Jobs.Where(j => j.Id == jobId && Live.Contains(j.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, RunStatus.Failed).SetProperty(j => j.Error, error)
                .SetProperty(j => j.Message, error).SetProperty(j => j.CompletedAt, now));
        if (failed == 0) return;
        var job = await db.Jobs.SingleAsync(j => j.Id == jobId);
        await JobRuns.MarkFailedAsync(db, job, error, now);
        await AnnounceAsync(db, jobId);
    }

    /// <summary>
    /// After a cancel was asked for: its queued items will not run, and once none of its items runs
    /// any more the job is Cancelled. Called by the node that asked and by each node whose item stopped,
    /// so whichever is last settles it.
    /// </summary>
    public async Task SettleCancelAsync(int jobId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = time.GetUtcNow();
        await db.JobItems.Where(i => i.JobId == jobId && i.Status == RunStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, RunStatus.Cancelled).SetProperty(i => i.CompletedAt, now));
        if (await db.JobItems.AnyAsync(i => i.JobId == jobId && i.Status == RunStatus.Running)) return;
        var cancelled = await db.Jobs.Where(j => j.Id == jobId && Live.Contains(j.Status) && j.CancelRequestedAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, RunStatus.Cancelled).SetProperty(j => j.CompletedAt, now)
                .SetProperty(j => j.Message, j => j.StartedAt == null ? CancelledBeforeStartMessage : CancelledMessage));
        if (cancelled == 1) await AnnounceAsync(db, jobId);
    }

    public async Task AnnounceAsync(TumorWebDbContext db, int jobId)
    {
        var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
        logger.LogInformation("Job {JobId} {Kind} ({Title}) is {Status}", job.Id, job.Kind, job.Title, job.Status);
        notifier.Publish(new RunEvent(job.Id, job.Kind, job.Status, job.Progress, job.Message, JobRuns.RunIdOf(job), null, time.GetUtcNow()));
    }
}
