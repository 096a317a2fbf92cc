using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Cluster.Engine;

/// <summary>
/// Hands items to Hangfire: one background job per delivery, "run item #id" on the item's queue, then
/// records on the items that they were handed over. Hangfire delivers at least once; the claim in
/// <see cref="JobItemLeases"/> makes extra deliveries no-ops.
/// </summary>
public sealed class JobItemDispatch(IBackgroundJobClient client, IDbContextFactory<TumorWebDbContext> dbFactory, TimeProvider time,
    ILogger<JobItemDispatch> logger)
{
    public async Task EnqueueAllAsync(IReadOnlyList<JobItem> items)
    {
        if (items.Count == 0) return;
        foreach (var item in items) Enqueue(item);
        var ids = items.Select(i => i.Id).ToList();
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.JobItems.Where(i => ids.Contains(i.Id)).ExecuteUpdateAsync(s => s.SetProperty(i => i.DispatchedAt, now));
    }

    private void Enqueue(JobItem item)
    {
        var itemId = item.Id;
        var hangfireId = client.Create(Hangfire.Common.Job.FromExpression<JobItemExecutor>(x => x.RunAsync(itemId, CancellationToken.None)),
            new EnqueuedState(item.Queue));
        logger.LogDebug("Item {ItemId} ({Stage} {Key}) of job {JobId} enqueued on {Queue} as Hangfire job {HangfireId}",
            item.Id, item.Stage, item.Key, item.JobId, item.Queue, hangfireId);
    }
}
