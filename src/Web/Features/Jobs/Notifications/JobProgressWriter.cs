using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Jobs.Notifications;

/// <summary>
/// Saves the latest progress and message of each running job to its row about once a second, so a
/// page opened later (or the API) shows where the job is. Status changes are the worker's to save;
/// this only touches rows still Running, so it never overwrites a final state. In a cluster each
/// node saves only its own jobs' events: those relayed from other nodes were saved where they ran.
/// Several nodes working on one job at once each report their own view of it, so there the saved
/// bar only moves forward (the message is the latest either way).
/// </summary>
public sealed class JobProgressWriter(IRunNotifier notifier, IDbContextFactory<TumorWebDbContext> dbFactory, TimeProvider time,
    ILogger<JobProgressWriter> logger, Cluster.Engine.ClusterNode? clusterNode = null) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<int, RunEvent> _latest = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = notifier.SubscribeLocal(e =>
        {
            if (e.Status == RunStatus.Running) _latest[e.JobId] = e;
        });
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await WritePendingAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task WritePendingAsync(CancellationToken ct)
    {
        foreach (var jobId in _latest.Keys)
        {
            if (!_latest.TryRemove(jobId, out var runEvent)) continue;
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var (progress, message) = (runEvent.Progress, runEvent.Message);
                var running = db.Jobs.Where(j => j.Id == jobId && j.Status == RunStatus.Running);
                await (clusterNode is null
                    ? running.ExecuteUpdateAsync(s => s.SetProperty(j => j.Progress, progress).SetProperty(j => j.Message, message), ct)
                    : running.ExecuteUpdateAsync(s => s.SetProperty(j => j.Progress, j => j.Progress > progress ? j.Progress : progress)
                        .SetProperty(j => j.Message, message), ct));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not save the progress of job {JobId}", jobId);
            }
        }
    }
}
