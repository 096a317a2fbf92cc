using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Jobs.Queue;

/// <summary>
/// <see cref="IJobQueue"/> over the Jobs table. Every change of a row's status is one conditional
/// UPDATE, so the queue and the worker never both move the same job.
/// </summary>
public sealed class JobQueue(IDbContextFactory<TumorWebDbContext> dbFactory, JobValidation validation, JobSignals signals,
    IRunNotifier notifier, TimeProvider time) : IJobQueue
{
    private static readonly RunStatus[] Resumable = [RunStatus.Interrupted, RunStatus.Cancelled, RunStatus.Failed];

    public async Task<Job> EnqueueAsync(JobRequest request, CancellationToken ct = default)
    {
        var datasetId = await validation.ValidateAsync(request, ct);
        var job = new Job
        {
            Kind = request.Kind,
            Title = request.Title.Trim(),
            Parameters = JobParametersJson.Write(request.Kind, request.Parameters),
            Status = RunStatus.Queued,
            CreatedBy = request.CreatedBy,
            CreatedAt = time.GetUtcNow(),
            DatasetId = datasetId,
        };
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.Jobs.Add(job);
            await db.SaveChangesAsync(ct);
        }
        Announce(job, "queued");
        signals.Wake();
        return job;
    }

    public async Task<bool> CancelAsync(int jobId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var dequeued = await db.Jobs.Where(j => j.Id == jobId && j.Status == RunStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, RunStatus.Cancelled).SetProperty(j => j.CompletedAt, now)
                .SetProperty(j => j.Message, "cancelled before it started"), ct);
        if (dequeued == 1)
        {
            Announce(await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId, ct), "cancelled before it started");
            return true;
        }
        // Running: the worker stops it at its next safe point and saves the final status.
        return signals.TryCancel(jobId);
    }

    public async Task<bool> ResumeAsync(int jobId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var requeued = await db.Jobs.Where(j => j.Id == jobId && Resumable.Contains(j.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, RunStatus.Queued).SetProperty(j => j.Error, (string?)null)
                .SetProperty(j => j.CompletedAt, (DateTimeOffset?)null).SetProperty(j => j.Message, "queued to resume"), ct);
        if (requeued == 0) return false;
        Announce(await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId, ct), "queued to resume");
        signals.Wake();
        return true;
    }

    private void Announce(Job job, string message) =>
        notifier.Publish(new RunEvent(job.Id, job.Kind, job.Status, job.Progress, message, JobRuns.RunIdOf(job), null, time.GetUtcNow()));
}
