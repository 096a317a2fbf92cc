using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Jobs.Notifications;

namespace TumorWeb.Web.Tests.Jobs;

public sealed class RunEventThrottleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Quarter = TimeSpan.FromMilliseconds(250);

    private static RunEvent Event(int job, RunStatus status, double progress, RunMetric? metric = null) =>
        new(job, JobKind.Extraction, status, progress, $"{progress}", null, metric, T0);

    [Fact]
    public void SecondEventWithinTheIntervalIsHeldUntilOneIntervalAfterTheFirst()
    {
        var throttle = new RunEventThrottle(Quarter);
        Assert.NotNull(throttle.Offer(Event(1, RunStatus.Running, 0.1), T0).Send);

        var held = throttle.Offer(Event(1, RunStatus.Running, 0.2), T0.AddMilliseconds(100));

        Assert.Null(held.Send);
        Assert.Equal(T0.AddMilliseconds(250), held.FlushAt);
    }

    [Fact]
    public void FlushSendsOnlyTheNewestHeldEventAndOnlyWhenDue()
    {
        var throttle = new RunEventThrottle(Quarter);
        throttle.Offer(Event(1, RunStatus.Running, 0.1), T0);
        throttle.Offer(Event(1, RunStatus.Running, 0.2), T0.AddMilliseconds(50));
        throttle.Offer(Event(1, RunStatus.Running, 0.3), T0.AddMilliseconds(100));

        Assert.Null(throttle.Flush(1, T0.AddMilliseconds(200)));
        Assert.Equal(0.3, throttle.Flush(1, T0.AddMilliseconds(250))!.Progress);
        Assert.Null(throttle.Flush(1, T0.AddMilliseconds(600)));
    }

    [Fact]
    public void StatusChangeGoesOutAtOnceAndReplacesTheHeldEvent()
    {
        var throttle = new RunEventThrottle(Quarter);
        throttle.Offer(Event(1, RunStatus.Running, 0.1), T0);
        throttle.Offer(Event(1, RunStatus.Running, 0.2), T0.AddMilliseconds(50));

        var done = throttle.Offer(Event(1, RunStatus.Completed, 1), T0.AddMilliseconds(60));

        Assert.Equal(RunStatus.Completed, done.Send!.Status);
        Assert.Null(throttle.Flush(1, T0.AddSeconds(1)));
        Assert.Equal(0, throttle.TrackedJobs);
    }

    [Fact]
    public void EventWithATrainingMetricIsNeverHeld()
    {
        var throttle = new RunEventThrottle(Quarter);
        throttle.Offer(Event(1, RunStatus.Running, 0.1), T0);

        var point = throttle.Offer(Event(1, RunStatus.Running, 0.2, new RunMetric("train", 1, 10, 0.5, 0.8, null)), T0.AddMilliseconds(10));

        Assert.NotNull(point.Send);
    }

    [Fact]
    public void JobsAreThrottledIndependently()
    {
        var throttle = new RunEventThrottle(Quarter);
        throttle.Offer(Event(1, RunStatus.Running, 0.1), T0);

        Assert.NotNull(throttle.Offer(Event(2, RunStatus.Running, 0.1), T0.AddMilliseconds(10)).Send);
        Assert.Null(throttle.Offer(Event(1, RunStatus.Running, 0.2), T0.AddMilliseconds(10)).Send);
    }

    [Fact]
    public void EventAfterTheIntervalGoesOutAtOnce()
    {
        var throttle = new RunEventThrottle(Quarter);
        throttle.Offer(Event(1, RunStatus.Running, 0.1), T0);

        Assert.NotNull(throttle.Offer(Event(1, RunStatus.Running, 0.2), T0.AddMilliseconds(250)).Send);
    }
}
