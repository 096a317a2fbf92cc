using System.Threading.Channels;
using Npgsql;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Jobs.Notifications;

namespace TumorWeb.Web.Features.Cluster.Signals;

/// <summary>
/// Carries run events between a cluster's nodes through PostgreSQL's LISTEN/NOTIFY, so a browser on
/// any web node sees the progress of a job that a worker runs. Events published on this node (after
/// its throttle) are sent with NOTIFY; events from other nodes are handed to this node's pages and
/// hub relay (<see cref="RunNotifier.DeliverRemote"/>), never sent on again and never saved here.
/// The listening connection is opened again after a drop, waiting a little longer each time (up to
/// <see cref="MaxRetryDelay"/>); events sent while it was down are not replayed, but the jobs' rows
/// still hold their latest progress.
/// </summary>
public sealed class RunEventRelay(RunNotifier notifier, ClusterSignalSettings settings, ILogger<RunEventRelay> logger) : BackgroundService
{
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Seconds of silence after which the listening connection checks that the server is still
    /// there. Without it, a server that vanished without closing the connection (a machine that
    /// died, a cut network) would leave the relay waiting for notifications forever.
    /// </summary>
    public const int KeepAliveSeconds = 10;

    /// <summary>
    /// The listening connection: its own (not pooled), so the LISTEN lives and dies with it; with
    /// keepalives; and named, so an operator finds it in pg_stat_activity.
    /// </summary>
    public static string ListenerConnectionString(ClusterSignalSettings settings) =>
        new NpgsqlConnectionStringBuilder(settings.ConnectionString)
        {
            Pooling = false,
            KeepAlive = KeepAliveSeconds,
            TcpKeepAlive = true,
            ApplicationName = ListenerApplicationName(settings.Node),
        }.ToString();

    /// <summary>PostgreSQL keeps the first 63 bytes of an application name (node names are ASCII).</summary>
    public static string ListenerApplicationName(string node)
    {
        var name = $"tumorweb-relay {node}";
        return name.Length <= 63 ? name : name[..63];
    }

    private readonly Channel<RunEvent> _outgoing = Channel.CreateBounded<RunEvent>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    /// <summary>Set once the listening connection is up; tests and start-up wait for it.</summary>
    public Task Listening => _listening.Task;

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = notifier.SubscribeLocal(e => _outgoing.Writer.TryWrite(e));
        await Task.WhenAll(SendAsync(stoppingToken), ListenAsync(stoppingToken));
    }

    private async Task SendAsync(CancellationToken ct)
    {
        await using var source = NpgsqlDataSource.Create(settings.ConnectionString);
        try
        {
            await foreach (var runEvent in _outgoing.Reader.ReadAllAsync(ct))
            {
                try
                {
                    await using var command = source.CreateCommand("SELECT pg_notify(@channel, @payload)");
                    command.Parameters.AddWithValue("channel", RunEventMessage.Channel);
                    command.Parameters.AddWithValue("payload", RunEventMessage.Write(settings.Node, runEvent));
                    await command.ExecuteNonQueryAsync(ct);
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
                {
                    logger.LogWarning("Could not relay an event of job {JobId} to the other nodes: {Reason}", runEvent.JobId, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await ListenOnceAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException or IOException)
            {
                logger.LogWarning("The progress relay lost its PostgreSQL connection ({Reason}); listening again in {Delay:0.0} s", e.Message, delay.TotalSeconds);
            }
            try
            {
                await Task.Delay(delay, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }

    private async Task ListenOnceAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ListenerConnectionString(settings));
        await connection.OpenAsync(ct);
        connection.Notification += (_, e) => Receive(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {RunEventMessage.Channel}", connection))
            await listen.ExecuteNonQueryAsync(ct);
        _listening.TrySetResult();
        logger.LogInformation("Node {Node} listens for run events of the other nodes", settings.Node);
        while (true) await connection.WaitAsync(ct);
    }

    private void Receive(string payload)
    {
        if (RunEventMessage.Read(payload) is not { } message)
        {
            logger.LogWarning("Ignored a notification on {Channel} that is not a run event", RunEventMessage.Channel);
            return;
        }
        if (message.Node != settings.Node) notifier.DeliverRemote(message.Event);
    }
}
