using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;

namespace TumorWeb.Web.Features.Cluster.Engine;

/// <summary>
/// Runs beside an item while a node works on it: renews the item's lease every third of its length
/// and looks for a cancel request on the job every second. A cancel, or a lease that another node
/// has taken over, stops the work through <paramref name="stop"/>. The lease is renewed until the
/// work has ended, so an item that saves its checkpoint after a cancel keeps it meanwhile.
/// </summary>
public sealed class ItemWatch(int itemId, int jobId, CancellationTokenSource stop, JobItemLeases leases,
    IDbContextFactory<TumorWebDbContext> dbFactory, LeaseSettings lease, TimeProvider time, ILogger logger)
{
    public bool CancelRequested { get; private set; }
    public bool LeaseLost { get; private set; }

    public async Task RunAsync(CancellationToken workEnded)
    {
        var renewedAt = time.GetTimestamp();
        while (!workEnded.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(LeaseSettings.CancelPollEvery, time, workEnded);
                if (!CancelRequested && await IsCancelRequestedAsync(workEnded))
                {
                    CancelRequested = true;
                    logger.LogInformation("Job {JobId}: cancel asked for; stopping item {ItemId}", jobId, itemId);
                    await stop.CancelAsync();
                }
                if (time.GetElapsedTime(renewedAt) < lease.RenewEvery) continue;
                if (!await leases.RenewAsync(itemId, workEnded))
                {
                    LeaseLost = true;
                    logger.LogWarning("Item {ItemId} of job {JobId}: its lease lapsed and another node took it over; stopping here", itemId, jobId);
                    await stop.CancelAsync();
                    return;
                }
                renewedAt = time.GetTimestamp();
            }
            catch (OperationCanceledException) when (workEnded.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A database hiccup: the lease has two more renewals before it lapses.
                logger.LogWarning(e, "Item {ItemId} of job {JobId}: could not renew its lease or read its job", itemId, jobId);
            }
        }
    }

    private async Task<bool> IsCancelRequestedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Jobs.AnyAsync(j => j.Id == jobId && j.CancelRequestedAt != null, ct);
    }
}
