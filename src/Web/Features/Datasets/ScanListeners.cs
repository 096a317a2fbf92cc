namespace TumorWeb.Web.Features.Datasets;

/// <summary>Subscribers to scan progress; one that throws is logged and never stops the scan.</summary>
internal sealed class ScanListeners(ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly List<Action<DatasetScanProgress>> _listeners = [];

    public IDisposable Add(Action<DatasetScanProgress> listener)
    {
        lock (_gate) _listeners.Add(listener);
        return new Subscription(() => { lock (_gate) _listeners.Remove(listener); });
    }

    public void Publish(DatasetScanProgress progress)
    {
        Action<DatasetScanProgress>[] listeners;
        lock (_gate) listeners = [.. _listeners];
        foreach (var listener in listeners)
        {
            try
            {
                listener(progress);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "A dataset scan listener failed");
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
