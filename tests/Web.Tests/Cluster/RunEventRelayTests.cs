using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Cluster.Signals;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Jobs.Notifications;

namespace TumorWeb.Web.Tests.Cluster;

/// <summary>Two nodes' notifiers joined by the PostgreSQL relay, as a worker and a web node are.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RunEventRelayTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private sealed class Node : IAsyncDisposable
    {
        public RunNotifier Notifier { get; } = new(TimeProvider.System, NullLogger<RunNotifier>.Instance);
        public RunEventRelay Relay { get; }
        public ConcurrentQueue<(RunEvent Event, long At)> Seen { get; } = new();
        public ConcurrentQueue<RunEvent> SeenLocally { get; } = new();

        public Node(string connectionString, string name)
        {
            Relay = new RunEventRelay(Notifier, new ClusterSignalSettings(connectionString, name), NullLogger<RunEventRelay>.Instance);
            Notifier.Subscribe(e => Seen.Enqueue((e, Stopwatch.GetTimestamp())));
            Notifier.SubscribeLocal(SeenLocally.Enqueue);
        }

        public async Task StartAsync()
        {
            await Relay.StartAsync(CancellationToken.None);
            await Relay.Listening.WaitAsync(Patience);
        }

        public async ValueTask DisposeAsync()
        {
            await Relay.StopAsync(CancellationToken.None);
            Relay.Dispose();
            Notifier.Dispose();
        }
    }

    private static RunEvent Progress(int jobId, string message) =>
        new(jobId, JobKind.Extraction, RunStatus.Running, 0.5, message, 3, null, DateTimeOffset.UtcNow);

    private static async Task<T> EventuallyAsync<T>(Func<T?> probe) where T : class
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            if (probe() is { } found) return found;
            await Task.Delay(20);
        }
        throw new TimeoutException($"nothing arrived within {Patience.TotalSeconds} s");
    }

    [SkippableFact]
    public async Task AnEventPublishedOnOneNodeReachesTheOtherWithinASecondAndIsNeitherSavedThereNorSentBack()
    {
        var database = await postgres.NewDatabaseAsync();
        await using var worker = new Node(database, "worker-1");
        await using var web = new Node(database, "web-1");
        await worker.StartAsync();
        await web.StartAsync();

        var sent = Stopwatch.GetTimestamp();
        worker.Notifier.Publish(Progress(7, "slide 2/6 · tumor_002 · extract 40/120"));
        var arrived = await EventuallyAsync(() => web.Seen.FirstOrDefault(s => s.Event.JobId == 7).Event is { } e ? Tuple.Create(e) : null);
        var latency = Stopwatch.GetElapsedTime(sent, web.Seen.First(s => s.Event.JobId == 7).At);

        Assert.Equal("slide 2/6 · tumor_002 · extract 40/120", arrived.Item1.Message);
        Assert.Equal((7, RunStatus.Running, 0.5, (int?)3), (arrived.Item1.JobId, arrived.Item1.Status, arrived.Item1.Progress, arrived.Item1.RunId));
        Assert.True(latency < TimeSpan.FromSeconds(1), $"the event took {latency.TotalMilliseconds:0} ms");
        await Task.Delay(300);
        Assert.Empty(web.SeenLocally);
        Assert.Single(worker.Seen);
        Assert.Single(web.Seen);
    }

    [SkippableFact]
    public async Task AListenerWhoseConnectionIsKilledListensAgain()
    {
        var database = await postgres.NewDatabaseAsync();
        await using var worker = new Node(database, "worker-1");
        await using var web = new Node(database, "web-1");
        await worker.StartAsync();
        await web.StartAsync();

        await using (var admin = new NpgsqlConnection(database))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()", admin);
            Assert.True((long)(await kill.ExecuteScalarAsync())! >= 2);
        }

        // Until it listens again, events are lost (the jobs' rows keep their progress): publish until one arrives.
        var arrived = await EventuallyAsync(() =>
        {
            worker.Notifier.Publish(new RunEvent(8, JobKind.Training, RunStatus.Completed, 1, "done", 4, null, DateTimeOffset.UtcNow));
            return web.Seen.Any(s => s.Event.JobId == 8) ? "yes" : null;
        });
        Assert.Equal("yes", arrived);
    }

    [Fact]
    public void ALongMessageIsCutToFitANotification()
    {
        var payload = RunEventMessage.Write("node", Progress(1, new string('é', 20_000)));
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(payload) <= RunEventMessage.MaxBytes);
        var (node, runEvent) = RunEventMessage.Read(payload)!.Value;
        Assert.Equal("node", node);
        Assert.EndsWith("…", runEvent.Message);
        Assert.Null(RunEventMessage.Read("{not json"));
    }
}
