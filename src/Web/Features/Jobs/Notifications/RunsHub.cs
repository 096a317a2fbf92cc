using Microsoft.AspNetCore.SignalR;
using TumorWeb.Web.Features.Accounts;

namespace TumorWeb.Web.Features.Jobs.Notifications;

/// <summary>
/// The public hub at /hubs/runs. Every connection starts in the "all" group and receives method
/// "run" (a <see cref="RunEvent"/>, camelCase) for every job. <see cref="WatchJob"/> narrows a
/// connection to the jobs it names; <see cref="WatchAll"/> widens it again. See docs/api.md.
/// </summary>
public sealed class RunsHub(LiveConnections live) : Hub
{
    public const string Path = "/hubs/runs";
    public const string Method = "run";
    public const string AllGroup = "all";

    public static string JobGroup(int jobId) => $"job-{jobId}";

    public override async Task OnConnectedAsync()
    {
        live.Opened(Context, Context.GetHttpContext());
        await Groups.AddToGroupAsync(Context.ConnectionId, AllGroup);
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        live.Closed(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>From now on this connection receives the events of <paramref name="jobId"/> (and of other watched jobs) only.</summary>
    public async Task WatchJob(int jobId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, AllGroup);
        await Groups.AddToGroupAsync(Context.ConnectionId, JobGroup(jobId));
        WatchedJobs.Add(jobId);
    }

    public async Task UnwatchJob(int jobId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, JobGroup(jobId));
        WatchedJobs.Remove(jobId);
    }

    /// <summary>Back to every job's events; the watched jobs' groups are left, so nothing arrives twice.</summary>
    public async Task WatchAll()
    {
        foreach (var jobId in WatchedJobs.ToList()) await UnwatchJob(jobId);
        await Groups.AddToGroupAsync(Context.ConnectionId, AllGroup);
    }

    // Context.Items lives as long as the connection; hub instances live for one call.
    private HashSet<int> WatchedJobs =>
        (HashSet<int>)(Context.Items.TryGetValue(nameof(WatchedJobs), out var jobs) ? jobs! : Context.Items[nameof(WatchedJobs)] = new HashSet<int>());
}
