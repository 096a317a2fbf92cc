namespace TumorWeb.Web.Features.Cluster.Engine;

/// <summary>
/// Keeps a few thread-pool threads ready on a cluster node. The pool starts with one thread per core,
/// so a worker pinned to one core has a single one, and Hangfire hands work over synchronously
/// (<c>IBackgroundJobClient.Create</c>) on pool threads. With one thread, the step that hands a job's next
/// stage to Hangfire stalled for 0.5 to 1 s in 9 of 40 hand-offs of two workers on one core each
/// (bench/cluster), while the pool waited to add a thread; with 8 it did in none of 40.
/// </summary>
public static class ThreadPoolFloor
{
    public const int MinimumThreads = 8;

    /// <summary>Raises the pool's minimum worker threads to <see cref="MinimumThreads"/>; never lowers it (a many-core machine has more).</summary>
    public static void Raise()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        if (workers < MinimumThreads) ThreadPool.SetMinThreads(MinimumThreads, completionPorts);
    }
}
