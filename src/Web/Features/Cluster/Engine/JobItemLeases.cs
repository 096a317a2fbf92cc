using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Cluster.Engine;

/// <summary>
/// The conditional UPDATEs that give one node at a time the right to work on an item: claim,
/// renew, release, finish. Each touches the row only when the node still may, so a delivery that
/// arrives twice, or a worker that lost its lease, changes nothing.
/// </summary>
public sealed class JobItemLeases(IDbContextFactory<TumorWebDbContext> dbFactory, ClusterNode node, TimeProvider time, LeaseSettings lease)
{
    private static readonly RunStatus[] LiveJob = [RunStatus.Queued, RunStatus.Running];

    /// <summary>
    /// Takes the item for this node when it is queued, or running under a lapsed lease, and its job
    /// is live and not asked to cancel. Returns the claimed item with its job; null when another
    /// node holds it, it is done, or its job is stopped: the delivery is then a duplicate.
    /// </summary>
    public async Task<JobItem?> ClaimAsync(int itemId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var until = now + lease.Length;
        var claimed = await db.JobItems
            .Where(i => i.Id == itemId
                && (i.Status == RunStatus.Queued || (i.Status == RunStatus.Running && i.LeaseExpiresAt < now))
                && db.Jobs.Any(j => j.Id == i.JobId && j.CancelRequestedAt == null && LiveJob.Contains(j.Status)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, RunStatus.Running)
                .SetProperty(i => i.Owner, node.Name)
                .SetProperty(i => i.LeaseExpiresAt, until)
                .SetProperty(i => i.Attempts, i => i.Attempts + 1)
                .SetProperty(i => i.StartedAt, i => i.StartedAt ?? now)
                .SetProperty(i => i.Error, (string?)null), ct);
        if (claimed == 0) return null;
        return await db.JobItems.AsNoTracking().Include(i => i.Job).SingleAsync(i => i.Id == itemId, ct);
    }

    /// <summary>Extends this node's lease; false when the item is no longer this node's (it lapsed and another took it).</summary>
    public async Task<bool> RenewAsync(int itemId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var until = time.GetUtcNow() + lease.Length;
        return await Mine(db, itemId).ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseExpiresAt, until), ct) == 1;
    }

    /// <summary>Gives the item back unfinished (this node stops): queued again, for any node to claim.</summary>
    public async Task<bool> ReleaseAsync(int itemId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await Mine(db, itemId).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, RunStatus.Queued)
            .SetProperty(i => i.Owner, (string?)null)
            .SetProperty(i => i.LeaseExpiresAt, (DateTimeOffset?)null)) == 1;
    }

    /// <summary>Records how the item ended; false when it was no longer this node's to end.</summary>
    public async Task<bool> FinishAsync(int itemId, RunStatus status, string? error)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = time.GetUtcNow();
        return await Mine(db, itemId).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, status)
            .SetProperty(i => i.Error, error)
            .SetProperty(i => i.CompletedAt, now)
            .SetProperty(i => i.LeaseExpiresAt, (DateTimeOffset?)null)) == 1;
    }

    private IQueryable<JobItem> Mine(TumorWebDbContext db, int itemId) =>
        db.JobItems.Where(i => i.Id == itemId && i.Status == RunStatus.Running && i.Owner == node.Name);
}

/// <summary>How long a claim lasts (TumorWeb:Cluster:LeaseSeconds) and the rhythms derived from it.</summary>
public sealed record LeaseSettings(TimeSpan Length)
{
    /// <summary>A lease is renewed three times per length, so one late renewal does not lose it.</summary>
    public TimeSpan RenewEvery => Length / 3;

    /// <summary>How often a running item looks for a cancel request: a cancel from any node reaches it within a few seconds.</summary>
    public static readonly TimeSpan CancelPollEvery = TimeSpan.FromSeconds(1);

    /// <summary>How often the sweeper looks for lapsed leases.</summary>
    public TimeSpan SweepEvery => Length / 3 < TimeSpan.FromSeconds(5) ? Length / 3 : TimeSpan.FromSeconds(5);

    public static LeaseSettings FromSeconds(int seconds) =>
        seconds >= 1 ? new(TimeSpan.FromSeconds(seconds)) : throw new ArgumentException($"TumorWeb:Cluster:LeaseSeconds must be at least 1 (got {seconds})");
}
