using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Cluster.Engine;

/// <summary>
/// On every node that runs jobs: every few seconds, items whose lease lapsed (their node died
/// without a word, e.g. SIGKILL) are queued again and handed to Hangfire, and the claim decides
/// which node takes each. The item resumes from the pipeline's last checkpoint. Items of a job
/// asked to cancel are cancelled instead. Jobs whose stage finished without a next step (the node
/// died between the two) are moved on, and items saved but never handed to Hangfire (the node died
/// between the two) are handed over once two sweeps in a row have found them so.
/// </summary>
public sealed class LeaseSweeper(IDbContextFactory<TumorWebDbContext> dbFactory, JobItemDispatch dispatch, JobStages stages, JobOutcomes outcomes,
    LeaseSettings lease, TimeProvider time, ILogger<LeaseSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(lease.SweepEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "The lease sweep failed; it runs again in {Seconds} s", lease.SweepEvery.TotalSeconds);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task SweepAsync(CancellationToken ct)
    {
        await TakeBackLapsedAsync(ct);
        await MoveOnFinishedStagesAsync(ct);
        await HandOverUndeliveredAsync(ct);
    }

    /// <summary>Queued items without a delivery that the last sweep saw too: a live node hands its items over within milliseconds.</summary>
    private HashSet<int> _undelivered = [];

    private async Task HandOverUndeliveredAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.JobItems.AsNoTracking()
            .Where(i => i.Status == RunStatus.Queued && i.DispatchedAt == null && i.Job!.CancelRequestedAt == null
                && (i.Job.Status == RunStatus.Queued || i.Job.Status == RunStatus.Running))
            .ToListAsync(ct);
        var stuck = found.Where(i => _undelivered.Contains(i.Id)).ToList();
        _undelivered = found.Select(i => i.Id).Except(stuck.Select(i => i.Id)).ToHashSet();
        if (stuck.Count == 0) return;
        logger.LogWarning("Items {ItemIds} were saved but never handed to Hangfire (their node stopped in between); handing them over",
            string.Join(", ", stuck.Select(i => i.Id)));
        await dispatch.EnqueueAllAsync(stuck);
    }

    private async Task TakeBackLapsedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var lapsed = await db.JobItems.AsNoTracking()
            .Where(i => i.Status == RunStatus.Running && i.LeaseExpiresAt < now)
            .Select(i => new { Item = i, i.Job!.CancelRequestedAt, JobStatus = i.Job.Status })
            .ToListAsync(ct);
        foreach (var found in lapsed)
        {
            var item = found.Item;
            var stillLapsed = db.JobItems.Where(i => i.Id == item.Id && i.Status == RunStatus.Running && i.LeaseExpiresAt < now && i.Owner == item.Owner);
            if (found.CancelRequestedAt is not null || found.JobStatus is not (RunStatus.Queued or RunStatus.Running))
            {
                if (await stillLapsed.ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, RunStatus.Cancelled).SetProperty(i => i.CompletedAt, now)
                        .SetProperty(i => i.LeaseExpiresAt, (DateTimeOffset?)null), ct) == 1)
                    await outcomes.SettleCancelAsync(item.JobId);
                continue;
            }
            if (await stillLapsed.ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, RunStatus.Queued).SetProperty(i => i.Owner, (string?)null)
                    .SetProperty(i => i.LeaseExpiresAt, (DateTimeOffset?)null).SetProperty(i => i.DispatchedAt, (DateTimeOffset?)null), ct) == 0)
                continue;
            logger.LogWarning("Item {ItemId} ({Stage} {Key}) of job {JobId}: the lease of {Owner} lapsed at {Expired}; queued again",
                item.Id, item.Stage, item.Key, item.JobId, item.Owner, item.LeaseExpiresAt);
            await dispatch.EnqueueAllAsync([item]);
        }
    }

    private async Task MoveOnFinishedStagesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Only after a lease's length: the node that completed the last item moves its job on itself, at once.
        var quiet = time.GetUtcNow() - lease.Length;
        var stuck = await db.Jobs.AsNoTracking()
            .Where(j => j.Status == RunStatus.Running && j.CancelRequestedAt == null
                && db.JobItems.Any(i => i.JobId == j.Id)
                && !db.JobItems.Any(i => i.JobId == j.Id && (i.Status != RunStatus.Completed || i.CompletedAt > quiet)))
            .Select(j => j.Id).ToListAsync(ct);
        foreach (var jobId in stuck)
        {
            logger.LogInformation("Job {JobId}: every item is done but nothing moved it on; moving it on", jobId);
            await stages.AdvanceAsync(jobId, null, ct);
        }
    }
}
