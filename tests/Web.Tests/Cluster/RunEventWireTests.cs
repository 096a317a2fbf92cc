using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Cluster.Signals;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Jobs.Notifications;

namespace TumorWeb.Web.Tests.Cluster;

/// <summary>The payload of the NOTIFY that carries a run event between nodes, and how the notifier hands such an event on.</summary>
public sealed class RunEventWireTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 4, 13, 0, 0, TimeSpan.Zero);

    private static RunEvent Event(string? message) => new(7, JobKind.Extraction, RunStatus.Running, 0.25, message, 3, null, At);

    [Fact]
    public void AnEventTravelsAsTheNodeAndTheHubsCamelCaseJson()
    {
        var payload = RunEventWire.Encode("lab-1/42/0000beef", Event("slide 2 of 8"));

        Assert.Equal("""{"node":"lab-1/42/0000beef","event":{"jobId":7,"kind":"Extraction","status":"Running","progress":0.25,"message":"slide 2 of 8","runId":3,"metric":null,"at":"2026-12-04T13:00:00+00:00"}}""", payload);
        Assert.Equal(new RunEventWire.Envelope("lab-1/42/0000beef", Event("slide 2 of 8")), RunEventWire.Decode(payload));
    }

    [Fact]
    public void ATrainingMetricSurvivesTheTrip()
    {
        var withMetric = Event(null) with { Kind = JobKind.Training, Metric = new RunMetric("validation", 2, 1500, 0.31, 0.9, 0.95) };

        Assert.Equal(withMetric, RunEventWire.Decode(RunEventWire.Encode("n", withMetric))!.Event);
    }

    [Theory]
    [InlineData("x", 20_000)]
    [InlineData("\"", 5_000)]
    [InlineData("é", 9_000)]
    [InlineData("😀", 4_000)]
    public void AMessageTooLongForNotifyIsCutToFitBelowPostgreSqlsLimit(string unit, int count)
    {
        var message = string.Concat(Enumerable.Repeat(unit, count));

        var payload = RunEventWire.Encode("node", Event(message));

        Assert.InRange(Encoding.UTF8.GetByteCount(payload), 7_000, RunEventWire.MaxPayloadBytes);
        var decoded = RunEventWire.Decode(payload)!.Event.Message!;
        Assert.EndsWith("…", decoded);
        Assert.StartsWith(decoded[..^1], message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("""{"node":"","event":{"jobId":1}}""")]
    [InlineData("""{"event":{"jobId":1}}""")]
    [InlineData("""{"node":"a"}""")]
    public void APayloadThatIsNoEnvelopeDecodesToNull(string payload) => Assert.Null(RunEventWire.Decode(payload));

    [Theory]
    [InlineData(1, 250)]
    [InlineData(2, 500)]
    [InlineData(3, 1000)]
    [InlineData(6, 8000)]
    [InlineData(7, 10000)]
    [InlineData(1000, 10000)]
    public void TheListenerWaitsLongerAfterEachFailureUpToTenSeconds(int failures, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), RunEventListener.Backoff(failures));

    [Fact]
    public void ANodeIdNamesTheMachineTheProcessAndARandomPart()
    {
        Assert.Equal("lab-gpu-1/4242/0000002a", ClusterNode.NewId("lab-gpu-1", 4242, 42));
        Assert.Equal("abcdefghijklmnopqrstuvwx/1/00000001", ClusterNode.NewId("abcdefghijklmnopqrstuvwxyz", 1, 1));
        Assert.NotEqual(new ClusterNode().Id, new ClusterNode().Id);
    }

    [Fact]
    public void AnotherNodesEventReachesThePagesAndTheRelayButNotTheLocalOnlySubscribers()
    {
        using var notifier = new RunNotifier(new FakeTimeProvider(At), NullLogger<RunNotifier>.Instance);
        var everything = new List<string?>();
        var local = new List<string?>();
        using var all = notifier.Subscribe(e => everything.Add(e.Message));
        using var own = notifier.SubscribeLocal(e => local.Add(e.Message));

        notifier.Publish(Event("published here"));
        notifier.DeliverFromOtherNode(Event("from another node") with { JobId = 8 });

        Assert.Equal(["published here", "from another node"], everything);
        Assert.Equal(["published here"], local);
    }

    [Fact]
    public void AnotherNodesEventsAreNotThrottledAgain()
    {
        using var notifier = new RunNotifier(new FakeTimeProvider(At), NullLogger<RunNotifier>.Instance);
        var received = new List<double>();
        using var all = notifier.Subscribe(e => received.Add(e.Progress));

        foreach (var progress in new[] { 0.1, 0.2, 0.3 }) notifier.DeliverFromOtherNode(Event(null) with { Progress = progress });

        Assert.Equal([0.1, 0.2, 0.3], received);
    }
}
