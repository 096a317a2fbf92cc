using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Jobs.Notifications;

namespace TumorWeb.Web.Tests.Jobs;

public sealed class RunNotifierTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    private RunEvent Event(RunStatus status, double progress) =>
        new(7, JobKind.Training, status, progress, null, 3, null, _time.GetUtcNow());

    [Fact]
    public void HundredEventsInOneSecondReachASubscriberAtMostFiveTimesEndingWithTheLast()
    {
        using var notifier = new RunNotifier(_time, NullLogger<RunNotifier>.Instance);
        var received = new List<RunEvent>();
        using var subscription = notifier.Subscribe(received.Add);

        for (var i = 1; i <= 100; i++)
        {
            notifier.Publish(Event(RunStatus.Running, i / 100.0));
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.InRange(received.Count, 4, 5);
        Assert.Equal(1.0, received[^1].Progress);
    }

    [Fact]
    public void HeldEventArrivesWhenItsTimeComesWithoutAnotherPublish()
    {
        using var notifier = new RunNotifier(_time, NullLogger<RunNotifier>.Instance);
        var received = new List<double>();
        using var subscription = notifier.Subscribe(e => received.Add(e.Progress));

        notifier.Publish(Event(RunStatus.Running, 0.1));
        notifier.Publish(Event(RunStatus.Running, 0.5));
        Assert.Equal([0.1], received);

        _time.Advance(RunNotifier.Interval);
        Assert.Equal([0.1, 0.5], received);
    }

    [Fact]
    public void DisposedSubscriptionReceivesNothingMore()
    {
        using var notifier = new RunNotifier(_time, NullLogger<RunNotifier>.Instance);
        var received = 0;
        var subscription = notifier.Subscribe(_ => received++);
        notifier.Publish(Event(RunStatus.Running, 0.1));
        subscription.Dispose();

        notifier.Publish(Event(RunStatus.Completed, 1));

        Assert.Equal(1, received);
    }

    [Fact]
    public void FailingSubscriberDoesNotStopTheOthers()
    {
        using var notifier = new RunNotifier(_time, NullLogger<RunNotifier>.Instance);
        var received = 0;
        using var bad = notifier.Subscribe(_ => throw new InvalidOperationException("boom"));
        using var good = notifier.Subscribe(_ => received++);

        notifier.Publish(Event(RunStatus.Running, 0.1));

        Assert.Equal(1, received);
    }
}
