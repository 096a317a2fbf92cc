using System.Threading.Channels;
using Npgsql;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Jobs.Notifications;

namespace TumorWeb.Web.Features.Cluster.Signals;

/// <summary>
/// Sends every event published on this node (after its throttle) to the other nodes with NOTIFY.
/// Events from other nodes are not sent on: they were never published here. A queue keeps the
/// notifier from waiting on the database, and one sender keeps the events in order.
/// </summary>
public sealed class RunEventBroadcaster(RunNotifier notifier, ClusterNode node, ClusterSignalsConnection connection,
    ILogger<RunEventBroadcaster> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var events = Channel.CreateUnbounded<RunEvent>(new UnboundedChannelOptions { SingleReader = true });
        using var subscription = notifier.SubscribeLocal(e => events.Writer.TryWrite(e));
        var failing = false;
        try
        {
            await foreach (var runEvent in events.Reader.ReadAllAsync(stoppingToken))
                failing = !await TrySendAsync(runEvent, failing, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> TrySendAsync(RunEvent runEvent, bool wasFailing, CancellationToken ct)
    {
        try
        {
            await using var command = connection.Notify.CreateCommand("SELECT pg_notify($1, $2)");
            command.Parameters.Add(new NpgsqlParameter { Value = RunEventWire.Channel });
            command.Parameters.Add(new NpgsqlParameter { Value = RunEventWire.Encode(node.Id, runEvent) });
            await command.ExecuteNonQueryAsync(ct);
            if (wasFailing) logger.LogInformation("Run events reach the other nodes again");
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Once per outage: while the database is away every event would log the same.
            if (!wasFailing) logger.LogWarning(e, "Could not send the event of job {JobId} to the other nodes; the events until the database answers again stay on this node", runEvent.JobId);
            return false;
        }
    }
}
