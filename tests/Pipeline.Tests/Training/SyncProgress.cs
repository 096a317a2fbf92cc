using TumorWeb.Pipeline.Training;

namespace TumorWeb.Pipeline.Tests.Training;

/// <summary>Handles each report on the training thread as it happens (Progress&lt;T&gt; would post it to the thread pool).</summary>
internal sealed class SyncProgress(Action<TrainingProgress>? onReport = null) : IProgress<TrainingProgress>
{
    public List<TrainingProgress> Reports { get; } = [];

    public void Report(TrainingProgress value)
    {
        Reports.Add(value);
        onReport?.Invoke(value);
    }
}
