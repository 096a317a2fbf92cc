using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;

namespace TumorWeb.Web.Features.Jobs.Notifications;

/// <summary>
/// Forwards every event the notifier lets through to the hub: to the "all" group and to the job's
/// group. Events queue in a channel so the notifier never waits on the network, and go out in order.
/// </summary>
public sealed class RunsHubRelay(IRunNotifier notifier, IHubContext<RunsHub> hub, ILogger<RunsHubRelay> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var events = Channel.CreateUnbounded<RunEvent>(new UnboundedChannelOptions { SingleReader = true });
        using var subscription = notifier.Subscribe(e => events.Writer.TryWrite(e));
        try
        {
            await foreach (var runEvent in events.Reader.ReadAllAsync(stoppingToken))
                await SendAsync(runEvent, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendAsync(RunEvent runEvent, CancellationToken ct)
    {
        try
        {
            // One call, two groups: a connection is either in "all" or in job groups, so none gets it twice.
            await hub.Clients.Groups(RunsHub.AllGroup, RunsHub.JobGroup(runEvent.JobId)).SendAsync(RunsHub.Method, runEvent, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not relay the event of job {JobId} to {Hub}", runEvent.JobId, RunsHub.Path);
        }
    }
}
