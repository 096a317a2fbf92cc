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
        CancellationToken ct, Action<int, ReusableBuffer> work)
    {
        var done = 0L;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegree, CancellationToken = ct };
        progress?.Report(new StageProgress(stage, 0, tileCount));
        try
        {
            Parallel.For(0, tileCount, options, () => new ReusableBuffer(), (tile, _, buffer) =>
            {
                ct.ThrowIfCancellationRequested();
                work(tile, buffer);
                progress?.Report(new StageProgress(stage, Interlocked.Increment(ref done), tileCount));
                return buffer;
            }, _ => { });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Callers catch the slide's own exception (it names the file), not Parallel's wrapper.
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }
}
