using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Accounts;

namespace TumorWeb.Web.Features.Jobs.Queue;

/// <summary>
/// <see cref="IJobQueue"/> over the Jobs table. Every change of a row's status is one conditional
/// UPDATE, so the queue and the worker never both move the same job.
/// </summary>
public sealed class JobQueue(IDbContextFactory<TumorWebDbContext> dbFactory, JobValidation validation, JobSignals signals,
    IRunNotifier notifier, AuditLog audit, TimeProvider time) : IJobQueue
{
    private static readonly RunStatus[] Resumable = [RunStatus.Interrupted, RunStatus.Cancelled, RunStatus.Failed];

    public async Task<Job> EnqueueAsync(JobRequest request, CancellationToken ct = default)
    {
        var datasetId = await validation.ValidateAsync(request, ct);
        Job job;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            job = await NewJobRow.SaveAsync(db, request, datasetId, audit, time.GetUtcNow(), null, ct);
        Announce(job, "queued");
        signals.Wake();
        return job;
    }

    public async Task<bool> CancelAsync(int jobId, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var dequeued = await db.Jobs.Where(j => j.Id == jobId && j.Status == RunStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, RunStatus.Cancelled).SetProperty(j => j.CompletedAt, now)
                .SetProperty(j => j.Message, "cancelled before it started"), ct);
        if (dequeued == 1)
        {
            await audit.RecordAsync(actor, AuditActions.JobCancel, $"job {jobId}", "before it started", ct);
            Announce(await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId, ct), "cancelled before it started");
            return true;
        }
        // Running: the worker stops it at its next safe point and saves the final status.
        if (!signals.TryCancel(jobId)) return false;
        await audit.RecordAsync(actor, AuditActions.JobCancel, $"job {jobId}", "while running", ct);
        return true;
    }

    public async Task<bool> ResumeAsync(int jobId, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var requeued = await db.Jobs.Where(j => j.Id == jobId && Resumable.Contains(j.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, RunStatus.Queued).SetProperty(j => j.Error, (string?)null)
                .SetProperty(j => j.CompletedAt, (DateTimeOffset?)null).SetProperty(j => j.Message, "queued to resume"), ct);
        if (requeued == 0) return false;
        await audit.RecordAsync(actor, AuditActions.JobResume, $"job {jobId}", ct: ct);
        Announce(await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId, ct), "queued to resume");
        signals.Wake();
        return true;
    }

    private void Announce(Job job, string message) =>
        notifier.Publish(new RunEvent(job.Id, job.Kind, job.Status, job.Progress, message, JobRuns.RunIdOf(job), null, time.GetUtcNow()));
}
