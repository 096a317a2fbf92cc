using System.Diagnostics;
using TumorWeb.Pipeline.Progress;

namespace TumorWeb.Pipeline.Synthetic;

/// <summary>
/// Counts painted rows over all files and reports them at once, then a few times a second at most.
/// Stage is the file being written ("slide" or "mask"), Item the slide's name.
/// </summary>
internal sealed class RowProgress(IProgress<StageProgress>? progress, long totalRows)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private readonly Stopwatch _sinceReport = new();
    private long _done;

    public void Add(int rows, string stage, string item)
    {
        var done = Interlocked.Add(ref _done, rows);
        if (progress is null || (_sinceReport.IsRunning && _sinceReport.Elapsed < Interval)) return;
        _sinceReport.Restart();
        progress.Report(new StageProgress(stage, done, totalRows, item));
    }

    public void Finish() => progress?.Report(new StageProgress("done", totalRows, totalRows));
}
