using System.Collections.Concurrent;
using TumorWeb.Pipeline.Progress;

namespace TumorWeb.Pipeline.Tests.Grid;

/// <summary>Keeps every report, synchronously (Progress&lt;T&gt; would post them to the thread pool).</summary>
internal sealed class RecordingProgress : IProgress<StageProgress>
{
    public ConcurrentQueue<StageProgress> Reports { get; } = new();
    public void Report(StageProgress value) => Reports.Enqueue(value);
}
