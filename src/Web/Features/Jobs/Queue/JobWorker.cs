using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Hosting;

namespace TumorWeb.Web.Features.Jobs.Queue;

/// <summary>
/// The one hosted service that runs queued jobs, oldest first, MaxConcurrentJobs at a time. At
/// start-up, jobs left Running by a process that died are marked Interrupted. On shutdown, running
/// jobs are stopped at their next safe point (the pipeline checkpoints) and marked Interrupted, so
/// the next start can resume them.
/// </summary>
public sealed class JobWorker(
    IDbContextFactory<TumorWebDbContext> dbFactory,
    JobSignals signals,
    IEnumerable<IJobRunner> runners,
    IRunNotifier notifier,
    IOptions<TumorWebOptions> options,
    TimeProvider time,
    ILogger<JobWorker> logger) : BackgroundService
{
    private readonly Dictionary<JobKind, IJobRunner> _runners = runners.ToDictionary(r => r.Kind);
    private int MaxConcurrent => Math.Max(1, options.Value.MaxConcurrentJobs);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the server listens, so no page or API call sees a job as Running that nothing runs.
        await MarkLeftoversInterruptedAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                while (signals.Running.Count < MaxConcurrent && await ClaimNextAsync(stoppingToken) is { } job)
                    Start(job);
                await signals.WaitAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        var running = signals.Running;
        foreach (var job in running) job.CancelForShutdown();
        await Task.WhenAll(running.Select(j => j.Completion));
    }

    private async Task MarkLeftoversInterruptedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        foreach (var job in await db.Jobs.Where(j => j.Status == RunStatus.Running).ToListAsync(ct))
        {
            job.Status = RunStatus.Interrupted;
            job.Message = "interrupted: the app stopped while it ran; resume to continue";
            job.CompletedAt = now;
            await JobRuns.MarkInterruptedAsync(db, job, [RunStatus.Running, RunStatus.Queued], now);
            logger.LogInformation("Job {JobId} ({Title}) was running when the app stopped: marked interrupted", job.Id, job.Title);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The oldest queued job, moved to Running; null when none is queued.</summary>
    private async Task<Job?> ClaimNextAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        while (await db.Jobs.AsNoTracking().Where(j => j.Status == RunStatus.Queued).OrderBy(j => j.Id).FirstOrDefaultAsync(ct) is { } job)
        {
            var now = time.GetUtcNow();
            // Registered first, so a cancel that sees the row Running always finds its token.
            signals.Register(job.Id);
            var claimed = await db.Jobs.Where(j => j.Id == job.Id && j.Status == RunStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, RunStatus.Running).SetProperty(j => j.StartedAt, (DateTimeOffset?)now)
                    .SetProperty(j => j.CompletedAt, (DateTimeOffset?)null).SetProperty(j => j.Error, (string?)null), ct);
            if (claimed == 1)
            {
                (job.Status, job.StartedAt, job.CompletedAt, job.Error) = (RunStatus.Running, now, null, null);
                return job;
            }
            signals.Remove(job.Id);
        }
        return null;
    }

    private void Start(Job job)
    {
        var running = signals.Find(job.Id)!;
        running.Completion = Task.Run(() => RunAsync(job, running));
    }

    private async Task RunAsync(Job job, RunningJob running)
    {
        var context = new JobContext(job, notifier, dbFactory, time);
        var started = time.GetTimestamp();
        logger.LogInformation("Job {JobId} {Kind} started by {User}: {Title}", job.Id, job.Kind, job.CreatedBy ?? "system", job.Title);
        context.Report(job.Progress, context.RunId is null ? "starting" : "resuming");
        var (status, error) = (RunStatus.Completed, (string?)null);
        try
        {
            if (!_runners.TryGetValue(job.Kind, out var runner)) throw new InvalidOperationException($"no runner for {job.Kind} jobs");
            await runner.RunAsync(context, running.Token);
        }
        catch (OperationCanceledException) when (running.Token.IsCancellationRequested)
        {
            status = running.CancelledByUser ? RunStatus.Cancelled : RunStatus.Interrupted;
        }
        catch (Exception e)
        {
            (status, error) = (RunStatus.Failed, e.Message);
            logger.LogWarning(e, "Job {JobId} ({Title}) failed", job.Id, job.Title);
        }
        finally
        {
            logger.LogInformation("Job {JobId} {Kind} of {User} ended {Outcome} after {Seconds:0.0} s", job.Id, job.Kind, job.CreatedBy ?? "system",
                status, time.GetElapsedTime(started).TotalSeconds);
            await FinishAsync(job, context, status, error);
            signals.Remove(job.Id);
            signals.Wake();
        }
    }

    private async Task FinishAsync(Job job, JobContext context, RunStatus status, string? error)
    {
        var now = time.GetUtcNow();
        var message = status switch
        {
            RunStatus.Completed => context.LastMessage ?? "done",
            RunStatus.Cancelled => "cancelled; resume to continue from the last checkpoint",
            RunStatus.Interrupted => "interrupted: the app stopped while it ran; resume to continue",
            _ => error,
        };
        var progress = status == RunStatus.Completed ? 1 : context.LastProgress;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            var row = await db.Jobs.SingleAsync(j => j.Id == job.Id);
            (row.Status, row.Error, row.Message, row.CompletedAt, row.Progress) = (status, error, message, now, progress);
            await db.SaveChangesAsync();
            if (status == RunStatus.Interrupted) await JobRuns.MarkInterruptedAsync(db, row, [RunStatus.Running, RunStatus.Cancelled], now);
            if (status == RunStatus.Failed) await JobRuns.MarkFailedAsync(db, row, error ?? "failed", now);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not save the final status {Status} of job {JobId}", status, job.Id);
        }
        notifier.Publish(new RunEvent(job.Id, job.Kind, status, progress, message, context.RunId, null, now));
    }
}
