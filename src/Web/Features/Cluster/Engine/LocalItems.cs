using System.Collections.Concurrent;

namespace TumorWeb.Web.Features.Cluster.Engine;

/// <summary>
/// The items this node runs now, with the token that stops each. A cancel asked for on this node
/// stops its own items at once; items on other nodes see the cancel mark on the job's row.
/// </summary>
public sealed class LocalItems
{
    private readonly ConcurrentDictionary<int, Running> _items = new();

    public IDisposable Track(int itemId, int jobId, CancellationTokenSource stop)
    {
        _items[itemId] = new Running(jobId, stop);
        return new Untrack(this, itemId);
    }

    /// <summary>The token of an item of <paramref name="jobId"/> running here; none when none runs here.</summary>
    public CancellationToken TokenOf(int jobId) =>
        _items.Values.FirstOrDefault(r => r.JobId == jobId) is { } running ? running.Stop.Token : CancellationToken.None;

    /// <summary>Stops this node's items of <paramref name="jobId"/>.</summary>
    public void Cancel(int jobId)
    {
        foreach (var running in _items.Values.Where(r => r.JobId == jobId)) running.Stop.Cancel();
    }

    private sealed record Running(int JobId, CancellationTokenSource Stop);

    private sealed class Untrack(LocalItems owner, int itemId) : IDisposable
    {
        public void Dispose() => owner._items.TryRemove(itemId, out _);
    }
}
