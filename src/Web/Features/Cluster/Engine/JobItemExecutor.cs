using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Jobs.Queue;

namespace TumorWeb.Web.Features.Cluster.Engine;

/// <summary>
/// What a Hangfire background job runs: one delivery of one job item. It claims the item first;
/// a delivery that finds the item done, held by a live node, or its job stopped, does nothing.
/// Then it runs the item with its lease renewed, and records how it ended: the next stage or the
/// job's completion, the job's failure, the cancel, or, when this node shuts down, the item queued
/// again (Hangfire then requeues the delivery, and the pipeline resumes from its checkpoint).
/// </summary>
public sealed class JobItemExecutor(
    JobItemLeases leases,
    JobStages stages,
    JobOutcomes outcomes,
    IEnumerable<IJobItemRunner> runners,
    IRunNotifier notifier,
    IDbContextFactory<TumorWebDbContext> dbFactory,
    LeaseSettings lease,
    LocalItems local,
    ClusterNode node,
    TimeProvider time,
    ILogger<JobItemExecutor> logger)
{
    /// <param name="shutdown">Hangfire's token: cancelled when this node stops.</param>
    public async Task RunAsync(int itemId, CancellationToken shutdown)
    {
        if (await leases.ClaimAsync(itemId, shutdown) is not { } item)
        {
            logger.LogInformation("Item {ItemId}: not claimed by {Node}: done, held by a live node, or its job stopped; this delivery does nothing",
                itemId, node.Name);
            return;
        }
        var job = item.Job!;
        await outcomes.MarkRunningAsync(job.Id, shutdown);
        job.Status = RunStatus.Running;
        logger.LogInformation("Item {ItemId} ({Stage} {Key}) of job {JobId} {Kind} claimed by {Node}, attempt {Attempt}",
            item.Id, item.Stage, item.Key, job.Id, job.Kind, node.Name, item.Attempts);
        var context = new JobContext(job, notifier, dbFactory, time);
        var (ended, error) = await RunClaimedAsync(item, context, shutdown);
        await RecordAsync(item, context, ended, error);
        if (ended == Ending.Shutdown) shutdown.ThrowIfCancellationRequested();
    }

    private enum Ending { Completed, Failed, Cancelled, LeaseLost, Shutdown }

    private async Task<(Ending, string?)> RunClaimedAsync(JobItem item, JobContext context, CancellationToken shutdown)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        using var workEnded = new CancellationTokenSource();
        var watch = new ItemWatch(item.Id, item.JobId, stop, leases, dbFactory, lease, time, logger);
        var watching = watch.RunAsync(workEnded.Token);
        using var tracked = local.Track(item.Id, item.JobId, stop);
        try
        {
            var runner = runners.FirstOrDefault(r => r.Runs(context.Job.Kind, item.Stage))
                ?? throw new InvalidOperationException($"no runner for the {item.Stage} items of {context.Job.Kind} jobs");
            await runner.RunAsync(new JobItemRun(item, context, await ScaleAsync(item, context.Job.Kind, stop.Token)), stop.Token);
            return (Ending.Completed, null);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            if (shutdown.IsCancellationRequested) return (Ending.Shutdown, null);
            return watch.LeaseLost ? (Ending.LeaseLost, null) : (Ending.Cancelled, null);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Item {ItemId} ({Stage} {Key}) of job {JobId} failed", item.Id, item.Stage, item.Key, item.JobId);
            return (Ending.Failed, e.Message);
        }
        finally
        {
            await workEnded.CancelAsync();
            await watching;
        }
    }

    private async Task RecordAsync(JobItem item, JobContext context, Ending ended, string? error)
    {
        logger.LogInformation("Item {ItemId} ({Stage} {Key}) of job {JobId} on {Node} ended {Ending}", item.Id, item.Stage, item.Key, item.JobId,
            node.Name, ended);
        try
        {
            switch (ended)
            {
                case Ending.Completed:
                    if (await leases.FinishAsync(item.Id, RunStatus.Completed, null))
                        await stages.AdvanceAsync(item.JobId, context.LastMessage, CancellationToken.None);
                    break;
                case Ending.Failed:
                    if (await leases.FinishAsync(item.Id, RunStatus.Failed, error))
                        await outcomes.FailAsync(item.JobId, error ?? "failed");
                    break;
                case Ending.Cancelled:
                    if (await leases.FinishAsync(item.Id, RunStatus.Cancelled, null))
                        await outcomes.SettleCancelAsync(item.JobId);
                    break;
                case Ending.Shutdown:
                    await MarkRunInterruptedAsync(item.JobId);
                    await leases.ReleaseAsync(item.Id);
                    break;
            }
        }
        catch (Exception e)
        {
            // The lease lapses and the sweeper hands the item on: nothing is lost, it may only run again from its checkpoint.
            logger.LogError(e, "Could not record that item {ItemId} of job {JobId} ended {Ending}", item.Id, item.JobId, ended);
        }
    }

    /// <summary>The pipeline marks a stopped run Cancelled; stopped by a node's shutdown it is Interrupted until a node resumes it.</summary>
    private async Task MarkRunInterruptedAsync(int jobId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
        await JobRuns.MarkInterruptedAsync(db, job, [RunStatus.Running, RunStatus.Cancelled], time.GetUtcNow());
    }

    /// <summary>Where this item's progress falls on its job's bar: after its stage's items done so far.</summary>
    private async Task<ItemProgressScale> ScaleAsync(JobItem item, JobKind kind, CancellationToken ct)
    {
        var plan = JobStagePlan.For(kind);
        var stage = plan.Single(s => s.Stage == item.Stage);
        if (!stage.PerSlide) return ItemProgressScale.For(plan, stage, 0, 1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var statuses = await db.JobItems.Where(i => i.JobId == item.JobId && i.Stage == item.Stage).Select(i => i.Status).ToListAsync(ct);
        return ItemProgressScale.For(plan, stage, statuses.Count(s => s == RunStatus.Completed), statuses.Count);
    }
}
