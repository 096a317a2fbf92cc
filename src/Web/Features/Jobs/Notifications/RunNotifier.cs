namespace TumorWeb.Web.Features.Jobs.Notifications;

/// <summary>
/// The in-process pub/sub of job progress: publishers are the running jobs, subscribers the Blazor
/// pages, the hub relay and the progress writer. Throttled per job by <see cref="RunEventThrottle"/>;
/// a held event goes out from a timer at its due time. Events reach subscribers in the order they
/// were let through, one at a time, so a subscriber must not block (hand off to a channel or InvokeAsync).
/// In cluster mode, events that other nodes published arrive through <see cref="DeliverFromOtherNode"/>:
/// they reach <see cref="Subscribe"/>'s handlers (pages, the hub relay) but not <see cref="SubscribeLocal"/>'s
/// (the progress writer, which the origin node's writer already did, and the broadcaster, which must not echo them).
/// </summary>
public sealed class RunNotifier(TimeProvider time, ILogger<RunNotifier> logger) : IRunNotifier, IDisposable
{
    /// <summary>At most four events a second per job.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private readonly RunEventThrottle _throttle = new(Interval);
    private readonly Dictionary<int, ITimer> _flushTimers = [];
    private readonly List<Subscriber> _subscribers = [];

    public void Publish(RunEvent runEvent)
    {
        lock (_gate)
        {
            var decision = _throttle.Offer(runEvent, time.GetUtcNow());
            if (decision.Send is { } send) Deliver(send, fromOtherNode: false);
            if (decision.FlushAt is { } due) ArmFlush(runEvent.JobId, due);
        }
    }

    public IDisposable Subscribe(Action<RunEvent> handler) => Add(new Subscriber(handler, FromOtherNodes: true));

    /// <summary>Calls <paramref name="handler"/> only for events published on this node.</summary>
    public IDisposable SubscribeLocal(Action<RunEvent> handler) => Add(new Subscriber(handler, FromOtherNodes: false));

    /// <summary>
    /// An event another node published (and throttled) before: straight to the subscribers that take
    /// other nodes' events, in arrival order, without a second throttle.
    /// </summary>
    public void DeliverFromOtherNode(RunEvent runEvent)
    {
        lock (_gate) Deliver(runEvent, fromOtherNode: true);
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
            if (_throttle.Flush(jobId, time.GetUtcNow()) is { } held) Deliver(held, fromOtherNode: false);
            else if (_throttle.DueAt(jobId) is { } due) ArmFlush(jobId, due);
        }
    }

    private IDisposable Add(Subscriber subscriber)
    {
        lock (_gate) _subscribers.Add(subscriber);
        return new Subscription(this, subscriber);
    }

    private void Deliver(RunEvent runEvent, bool fromOtherNode)
    {
        foreach (var subscriber in _subscribers.ToArray())
        {
            if (fromOtherNode && !subscriber.FromOtherNodes) continue;
            try
            {
                subscriber.Handler(runEvent);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "A run event subscriber failed on job {JobId}", runEvent.JobId);
            }
        }
    }

    private sealed record Subscriber(Action<RunEvent> Handler, bool FromOtherNodes);

    private sealed class Subscription(RunNotifier owner, Subscriber subscriber) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate) owner._subscribers.Remove(subscriber);
        }
    }
}
