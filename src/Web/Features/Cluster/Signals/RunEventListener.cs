using Npgsql;
using TumorWeb.Web.Features.Jobs.Notifications;

namespace TumorWeb.Web.Features.Cluster.Signals;

/// <summary>
/// Listens on one dedicated connection for the events other nodes send and hands them to this
/// node's subscribers (pages, the hub relay), never to its progress writer or broadcaster. A lost
/// connection is opened again after a wait that grows to <see cref="MaxBackoff"/>; events sent
/// while it was down are not replayed (the pages read the job rows when they open).
/// </summary>
public sealed class RunEventListener(RunNotifier notifier, ClusterNode node, ClusterSignalsConnection connection, TimeProvider time,
    ILogger<RunEventListener> logger) : BackgroundService
{
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    /// <summary>The wait before reconnecting after <paramref name="failures"/> failures in a row (at least 1).</summary>
    public static TimeSpan Backoff(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << Math.Min(failures - 1, 16)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var failures = 0; !stoppingToken.IsCancellationRequested;)
        {
            try
            {
                await ListenAsync(reconnected: failures > 0, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                var wait = Backoff(++failures);
                logger.LogWarning("Lost the connection that receives the other nodes' run events ({Reason}); trying again in {Wait} s", e.Message, wait.TotalSeconds);
                try
                {
                    await Task.Delay(wait, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ListenAsync(bool reconnected, CancellationToken ct)
    {
        await using var listener = new NpgsqlConnection(connection.ListenerConnectionString(node.Id));
        await listener.OpenAsync(ct);
        listener.Notification += (_, e) => Receive(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {RunEventWire.Channel}", listener))
            await listen.ExecuteNonQueryAsync(ct);
        logger.LogInformation(reconnected ? "Receiving the other nodes' run events again as node {Node}" : "Receiving the other nodes' run events as node {Node}", node.Id);
        while (true) await listener.WaitAsync(ct);
    }

    private void Receive(string payload)
    {
        if (RunEventWire.Decode(payload) is not { } envelope)
        {
            logger.LogWarning("Ignored a notification on {Channel} that is not a run event", RunEventWire.Channel);
            return;
        }
        if (envelope.Node != node.Id) notifier.DeliverFromOtherNode(envelope.Event);
    }
}
