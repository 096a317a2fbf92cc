using System.Runtime.ExceptionServices;
using TumorWeb.Pipeline.Progress;

namespace TumorWeb.Pipeline.Grid;

/// <summary>
/// Runs work over tiles in parallel with a bounded number of workers, each with its own
/// reusable buffer, so memory stays at (workers x one tile) whatever the slide size.
/// </summary>
internal static class TileRunner
{
    public static void Run(int tileCount, int maxDegree, string stage, IProgress<StageProgress>? progress,
        CancellationToken ct, Action<int, ReusableBuffer> work) =>
        Run(tileCount, maxDegree, stage, progress, ct, () => new ReusableBuffer(), work);

    /// <summary>As above, with worker state of the caller's making (one per worker, reused across its tiles).</summary>
    public static void Run<TWorker>(int tileCount, int maxDegree, string stage, IProgress<StageProgress>? progress,
        CancellationToken ct, Func<TWorker> newWorker, Action<int, TWorker> work)
    {
        var done = 0L;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegree, CancellationToken = ct };
        progress?.Report(new StageProgress(stage, 0, tileCount));
        try
        {
            Parallel.For(0, tileCount, options, newWorker, (tile, _, worker) =>
            {
                ct.ThrowIfCancellationRequested();
                work(tile, worker);
                progress?.Report(new StageProgress(stage, Interlocked.Increment(ref done), tileCount));
                return worker;
            }, _ => { });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Callers catch the slide's own exception (it names the file), not Parallel's wrapper.
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }
}
