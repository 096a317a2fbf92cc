using Hangfire;
using Hangfire.States;
using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Cluster.Engine;

/// <summary>
/// Hands items to Hangfire: one background job per delivery, "run item #id" on the item's queue.
/// Hangfire delivers at least once; the claim in <see cref="JobItemLeases"/> makes extra deliveries no-ops.
/// </summary>
public sealed class JobItemDispatch(IBackgroundJobClient client, ILogger<JobItemDispatch> logger)
{
    public void Enqueue(JobItem item)
    {
        var itemId = item.Id;
        var hangfireId = client.Create(Hangfire.Common.Job.FromExpression<JobItemExecutor>(x => x.RunAsync(itemId, CancellationToken.None)),
            new EnqueuedState(item.Queue));
        logger.LogDebug("Item {ItemId} ({Stage} {Key}) of job {JobId} enqueued on {Queue} as Hangfire job {HangfireId}",
            item.Id, item.Stage, item.Key, item.JobId, item.Queue, hangfireId);
    }

    public void EnqueueAll(IEnumerable<JobItem> items)
    {
        foreach (var item in items) Enqueue(item);
    }
}
