using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Jobs.Queue;

namespace TumorWeb.Web.Features.Cluster.Engine;

/// <summary>
/// <see cref="IJobQueue"/> in cluster mode: a job is its row plus work items, and each item is a
/// Hangfire background job on the "cpu" or "gpu" queue that any worker serving that queue may run.
/// A cancel is a mark on the job's row that the workers running its items poll; a resume queues
/// every item not completed again, and each continues from the pipeline's last checkpoint.
/// </summary>
public sealed class ClusterJobQueue(IDbContextFactory<TumorWebDbContext> dbFactory, JobValidation validation, JobStages stages, JobOutcomes outcomes,
    LocalItems local, IRunNotifier notifier, AuditLog audit, TimeProvider time) : IJobQueue
{
    private static readonly RunStatus[] Live = [RunStatus.Queued, RunStatus.Running];
    private static readonly RunStatus[] Resumable = [RunStatus.Interrupted, RunStatus.Cancelled, RunStatus.Failed];

    public async Task<Job> EnqueueAsync(JobRequest request, CancellationToken ct = default)
    {
        var datasetId = await validation.ValidateAsync(request, ct);
        Job job;
        List<JobItem> items = [];
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // The job, its audit entry and its first items together or not at all.
            job = await NewJobRow.SaveAsync(db, request, datasetId, audit, time.GetUtcNow(), async saved =>
            {
                items = await stages.NewItemsAsync(db, saved, JobStagePlan.First(saved.Kind), ct);
                db.JobItems.AddRange(items);
            }, ct);
        }
        Announce(job, "queued");
        if (await stages.DispatchAsync(job.Id, items)) return job;
        await using var again = await dbFactory.CreateDbContextAsync(ct);
        return await again.Jobs.AsNoTracking().SingleAsync(j => j.Id == job.Id, ct);
    }

    public async Task<bool> CancelAsync(int jobId, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var before = await db.Jobs.AsNoTracking().Where(j => j.Id == jobId).Select(j => new { j.Status }).SingleOrDefaultAsync(ct);
        var marked = await db.Jobs.Where(j => j.Id == jobId && Live.Contains(j.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequestedAt, j => j.CancelRequestedAt ?? now), ct);
        if (marked == 0) return false;
        await audit.RecordAsync(actor, AuditActions.JobCancel, $"job {jobId}", before?.Status == RunStatus.Queued ? "before it started" : "while running", ct);
        // Items on this node stop at once, on other nodes within a second or two; the last to stop settles the job.
        local.Cancel(jobId);
        // With none running, it is settled here.
        await outcomes.SettleCancelAsync(jobId);
        return true;
    }

    public async Task<bool> ResumeAsync(int jobId, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var requeued = await db.Jobs.Where(j => j.Id == jobId && Resumable.Contains(j.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, RunStatus.Queued).SetProperty(j => j.Error, (string?)null)
                .SetProperty(j => j.CompletedAt, (DateTimeOffset?)null).SetProperty(j => j.CancelRequestedAt, (DateTimeOffset?)null)
                .SetProperty(j => j.Message, "queued to resume"), ct);
        if (requeued == 0) return false;
        await db.JobItems.Where(i => i.JobId == jobId && i.Status != RunStatus.Completed && i.Status != RunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, RunStatus.Queued).SetProperty(i => i.Owner, (string?)null)
                .SetProperty(i => i.LeaseExpiresAt, (DateTimeOffset?)null).SetProperty(i => i.Error, (string?)null)
                .SetProperty(i => i.CompletedAt, (DateTimeOffset?)null).SetProperty(i => i.DispatchedAt, (DateTimeOffset?)null), ct);
        await audit.RecordAsync(actor, AuditActions.JobResume, $"job {jobId}", ct: ct);
        Announce(await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId, ct), "queued to resume");
        var queued = await db.JobItems.AsNoTracking().Where(i => i.JobId == jobId && i.Status == RunStatus.Queued).ToListAsync(ct);
        // Every item already done (the job stopped between two stages): the next stage, or the job's completion.
        if (queued.Count == 0) await stages.AdvanceAsync(jobId, null, ct);
        else await stages.DispatchAsync(jobId, queued);
        return true;
    }

    private void Announce(Job job, string message) =>
        notifier.Publish(new RunEvent(job.Id, job.Kind, job.Status, job.Progress, message, JobRuns.RunIdOf(job), null, time.GetUtcNow()));
}
