namespace TumorWeb.Pipeline.Progress;

/// <summary>
/// A thread-safe count of done units that reports to an <see cref="IProgress{T}"/> at most every
/// <paramref name="interval"/>, plus always at the end, so a fast loop does not flood a UI.
/// </summary>
public sealed class ProgressCounter(string stage, long total, IProgress<StageProgress>? progress, TimeSpan? interval = null)
{
    private readonly TimeSpan _interval = interval ?? TimeSpan.FromMilliseconds(200);
    private readonly Lock _gate = new();
    private long _done;
    private long? _lastReport;

    public long Done => Interlocked.Read(ref _done);

    public void Add(long units, string? item = null)
    {
        var done = Interlocked.Add(ref _done, units);
        var now = Environment.TickCount64;
        lock (_gate)
        {
            if (done < total && now - _lastReport < _interval.TotalMilliseconds) return;
            _lastReport = now;
        }
        progress?.Report(new StageProgress(stage, done, total, item));
    }
}
