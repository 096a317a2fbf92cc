using System.Diagnostics;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Cluster.Signals;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Jobs.Notifications;
using TumorWeb.Web.Hosting;
using TumorWeb.Web.Tests.Accounts;
using Xunit.Abstractions;

namespace TumorWeb.Web.Tests.Cluster;

/// <summary>
/// Two web nodes in this process on one throwaway PostgreSQL database: a run event published on
/// one reaches the /hubs/runs clients of the other through LISTEN/NOTIFY, once, and only the node
/// that published it saves it to the job's row.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterSignalsTests(PostgresFixture postgres, ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly TempDirectory _data = new("tumorweb-signals-");

    [SkippableFact]
    public async Task AnEventPublishedOnOneNodeReachesAHubClientOfTheOtherWithinOneSecondOnceAndIsSavedOnlyByItsOrigin()
    {
        var database = await postgres.NewDatabaseAsync();
        // Node 1 saves nothing, so a progress value in the row could only come from node 2's writer.
        await using var origin = new Node(_data.Path, database, withProgressWriter: false);
        await using var other = new Node(_data.Path, database, withProgressWriter: true);
        await using var originClient = await HubClient.ConnectAsync(origin);
        await using var otherClient = await HubClient.ConnectAsync(other);
        await WarmUpAsync(origin, otherClient);
        var jobId = await AddRunningJobAsync(other);

        var latencies = new List<TimeSpan>();
        foreach (var progress in new[] { 0.2, 0.4, 0.6, 0.8, 1.0 })
        {
            // Each event a new status or far enough apart that the throttle sends it at once.
            await Task.Delay(RunNotifier.Interval + TimeSpan.FromMilliseconds(50));
            var clock = Stopwatch.StartNew();
            origin.Notifier.Publish(new RunEvent(jobId, JobKind.Extraction, RunStatus.Running, progress, $"measured {progress}", null, null, DateTimeOffset.UtcNow));
            await otherClient.WaitForAsync(e => e.Message == $"measured {progress}", Patience);
            latencies.Add(clock.Elapsed);
        }
        output.WriteLine($"node 1 -> node 2 hub client: {string.Join(", ", latencies.Select(l => $"{l.TotalMilliseconds:0} ms"))}");
        Assert.All(latencies, latency => Assert.True(latency < Bound, $"an event took {latency.TotalMilliseconds:0} ms from node 1 to node 2's hub client"));

        // Two writer intervals: node 2's writer, had it taken the events, would have saved one by now.
        await Task.Delay(JobProgressWriter.Interval * 2 + TimeSpan.FromMilliseconds(500));
        await using (var db = await other.Db.CreateDbContextAsync())
        {
            var row = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
            Assert.Equal((0.0, (string?)null), (row.Progress, row.Message));
        }
        // Each client got each event once: node 2 did not send them on, node 1 did not take its own back.
        Assert.Equal(5, originClient.Received.Count(e => e.Message?.StartsWith("measured", StringComparison.Ordinal) == true));
        Assert.Equal(5, otherClient.Received.Count(e => e.Message?.StartsWith("measured", StringComparison.Ordinal) == true));
    }

    [SkippableFact]
    public async Task AListenerWhoseConnectionIsKilledReconnectsAndDeliversAgain()
    {
        var database = await postgres.NewDatabaseAsync();
        await using var origin = new Node(_data.Path, database, withProgressWriter: true);
        await using var other = new Node(_data.Path, database, withProgressWriter: true);
        await using var otherClient = await HubClient.ConnectAsync(other);
        await WarmUpAsync(origin, otherClient);
        var listener = RunEventRelay.ListenerApplicationName(other.Services.GetRequiredService<ClusterSignalSettings>().Node);

        Assert.Equal(1, await TerminateAsync(database, listener));

        var clock = Stopwatch.StartNew();
        var delivered = await PublishUntilReceivedAsync(origin, otherClient, jobId: 901, "after the kill");
        output.WriteLine($"first event through the new connection after {clock.Elapsed.TotalMilliseconds:0} ms ({delivered} published)");
        Assert.Equal(1, await CountBackendsAsync(database, listener));
    }

    /// <summary>Until the listener of the receiving node has its LISTEN in place and the client is connected, events are lost; so publish until one arrives.</summary>
    private static Task WarmUpAsync(Node origin, HubClient client) => PublishUntilReceivedAsync(origin, client, jobId: 900, "warm-up");

    private static async Task<int> PublishUntilReceivedAsync(Node origin, HubClient client, int jobId, string message)
    {
        var deadline = DateTime.UtcNow + Patience;
        for (var published = 1; ; published++)
        {
            origin.Notifier.Publish(new RunEvent(jobId, JobKind.Training, RunStatus.Running, published / 1000.0, message, null, null, DateTimeOffset.UtcNow));
            if (await client.TryWaitForAsync(e => e.Message == message, TimeSpan.FromMilliseconds(300))) return published;
            Assert.True(DateTime.UtcNow < deadline, $"no \"{message}\" event reached the other node within {Patience.TotalSeconds} s");
        }
    }

    private static async Task<int> AddRunningJobAsync(Node node)
    {
        await using var db = await node.Db.CreateDbContextAsync();
        var job = new Job { Kind = JobKind.Extraction, Title = "signals", Status = RunStatus.Running, CreatedAt = DateTimeOffset.UtcNow, StartedAt = DateTimeOffset.UtcNow };
        db.Jobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }

    private static async Task<int> TerminateAsync(string database, string applicationName) =>
        Convert.ToInt32(await ScalarAsync(database, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1", applicationName));

    private static async Task<int> CountBackendsAsync(string database, string applicationName) =>
        Convert.ToInt32(await ScalarAsync(database, "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1", applicationName));

    private static async Task<object?> ScalarAsync(string database, string sql, string parameter)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new NpgsqlParameter { Value = parameter } } };
        return await command.ExecuteScalarAsync();
    }

    public void Dispose() => _data.Dispose();

    /// <summary>A web node in cluster mode that runs no jobs (nothing else touches the test's job row); without its progress writer when asked.</summary>
    private sealed class Node(string dataDirectory, string database, bool withProgressWriter)
        : TumorWebFactory(dataDirectory, settings: new Dictionary<string, string> { [AppDatabase.ClusterKey] = database, ["TumorWeb:Cluster:RunJobs"] = "false" })
    {
        public RunNotifier Notifier => Services.GetRequiredService<RunNotifier>();

        public IDbContextFactory<TumorWebDbContext> Db => Services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (!withProgressWriter)
                builder.ConfigureTestServices(services =>
                {
                    foreach (var writer in services.Where(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(JobProgressWriter)).ToList())
                        services.Remove(writer);
                });
        }
    }

    /// <summary>A SignalR client of a node's /hubs/runs that keeps every event it receives.</summary>
    private sealed class HubClient : IAsyncDisposable
    {
        private readonly HubConnection _connection;
        private readonly Channel<RunEvent> _arrivals = Channel.CreateUnbounded<RunEvent>();
        private readonly List<RunEvent> _received = [];

        private HubClient(HubConnection connection)
        {
            _connection = connection;
            _connection.On<RunEvent>(RunsHub.Method, e =>
            {
                lock (_received) _received.Add(e);
                _arrivals.Writer.TryWrite(e);
            });
        }

        public IReadOnlyList<RunEvent> Received
        {
            get
            {
                lock (_received) return [.. _received];
            }
        }

        public static async Task<HubClient> ConnectAsync(TumorWebFactory node)
        {
            var token = node.TokenFor();
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(node.Server.BaseAddress, "hubs/runs"), o =>
                {
                    o.HttpMessageHandlerFactory = _ => node.Server.CreateHandler();
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                    o.Transports = HttpTransportType.LongPolling;
                })
                .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
                .Build();
            var client = new HubClient(connection);
            await connection.StartAsync();
            return client;
        }

        public async Task WaitForAsync(Func<RunEvent, bool> wanted, TimeSpan timeout) =>
            Assert.True(await TryWaitForAsync(wanted, timeout), $"no matching event within {timeout.TotalSeconds} s");

        public async Task<bool> TryWaitForAsync(Func<RunEvent, bool> wanted, TimeSpan timeout)
        {
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                while (true)
                    if (wanted(await _arrivals.Reader.ReadAsync(cancel.Token))) return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        public ValueTask DisposeAsync() => _connection.DisposeAsync();
    }
}
