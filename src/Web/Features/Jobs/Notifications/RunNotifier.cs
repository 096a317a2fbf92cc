namespace TumorWeb.Web.Features.Jobs.Notifications;

/// <summary>
/// The in-process pub/sub of job progress: publishers are the running jobs, subscribers the Blazor
/// pages, the hub relay and the progress writer. Throttled per job by <see cref="RunEventThrottle"/>;
/// a held event goes out from a timer at its due time. Events reach subscribers in the order they
/// were let through, one at a time, so a subscriber must not block (hand off to a channel or InvokeAsync).
/// In a cluster, events other nodes published arrive through <see cref="DeliverRemote"/>: they go to
/// every subscriber except the local-only ones.
/// </summary>
public sealed class RunNotifier(TimeProvider time, ILogger<RunNotifier> logger) : IRunNotifier, IDisposable
{
    /// <summary>At most four events a second per job.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private readonly RunEventThrottle _throttle = new(Interval);
    private readonly Dictionary<int, ITimer> _flushTimers = [];
    private readonly List<Action<RunEvent>> _subscribers = [];
    private readonly List<Action<RunEvent>> _localSubscribers = [];

    public void Publish(RunEvent runEvent)
    {
        lock (_gate)
        {
            var decision = _throttle.Offer(runEvent, time.GetUtcNow());
            if (decision.Send is { } send) Deliver(send);
            if (decision.FlushAt is { } due) ArmFlush(runEvent.JobId, due);
        }
    }

    public IDisposable Subscribe(Action<RunEvent> handler) => Add(_subscribers, handler);

    public IDisposable SubscribeLocal(Action<RunEvent> handler) => Add(_localSubscribers, handler);

    /// <summary>An event another node of the cluster published (and throttled): to every subscriber but the local-only ones.</summary>
    public void DeliverRemote(RunEvent runEvent)
    {
        lock (_gate) Deliver(runEvent, _subscribers);
    }

    private Subscription Add(List<Action<RunEvent>> list, Action<RunEvent> handler)
    {
        lock (_gate) list.Add(handler);
        return new Subscription(this, list, handler);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var timer in _flushTimers.Values) timer.Dispose();
            _flushTimers.Clear();
        }
    }

    private void ArmFlush(int jobId, DateTimeOffset due)
    {
        if (_flushTimers.ContainsKey(jobId)) return;
        var delay = due - time.GetUtcNow();
        _flushTimers[jobId] = time.CreateTimer(_ => Flush(jobId), null, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
    }

    private void Flush(int jobId)
    {
        lock (_gate)
        {
            if (_flushTimers.Remove(jobId, out var timer)) timer.Dispose();
            if (_throttle.Flush(jobId, time.GetUtcNow()) is { } held) Deliver(held);
            else if (_throttle.DueAt(jobId) is { } due) ArmFlush(jobId, due);
        }
    }

    private void Deliver(RunEvent runEvent)
    {
        Deliver(runEvent, _localSubscribers);
        Deliver(runEvent, _subscribers);
    }

    private void Deliver(RunEvent runEvent, List<Action<RunEvent>> subscribers)
    {
        foreach (var subscriber in subscribers.ToArray())
        {
            try
            {
                subscriber(runEvent);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "A run event subscriber failed on job {JobId}", runEvent.JobId);
            }
        }
    }

    private sealed class Subscription(RunNotifier owner, List<Action<RunEvent>> list, Action<RunEvent> handler) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate) list.Remove(handler);
        }
    }
}
