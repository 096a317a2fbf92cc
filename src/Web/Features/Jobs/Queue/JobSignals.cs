using System.Collections.Concurrent;

namespace TumorWeb.Web.Features.Jobs.Queue;

/// <summary>
/// What the queue and the worker share in memory: a wake-up for the worker (new job, job resumed,
/// slot freed) and the cancellation source of each running job.
/// </summary>
public sealed class JobSignals
{
    private readonly SemaphoreSlim _wake = new(0);
    private readonly ConcurrentDictionary<int, RunningJob> _running = new();

    public void Wake() => _wake.Release();

    public Task WaitAsync(CancellationToken ct) => _wake.WaitAsync(ct);

    public IReadOnlyCollection<RunningJob> Running => _running.Values.ToList();

    public RunningJob Register(int jobId) => _running[jobId] = new RunningJob(jobId);

    public RunningJob? Find(int jobId) => _running.GetValueOrDefault(jobId);

    public void Remove(int jobId) => _running.TryRemove(jobId, out _);

    /// <summary>Asks a running job to stop at its next safe point; false when it is not running here.</summary>
    public bool TryCancel(int jobId)
    {
        if (!_running.TryGetValue(jobId, out var job)) return false;
        job.CancelByUser();
        return true;
    }
}

/// <summary>A job the worker runs now: its token, and whether a user (not the shutdown) stopped it.</summary>
// The source is never disposed: it has no timer, and a late Cancel must not meet a disposed source.
public sealed class RunningJob(int jobId)
{
    private readonly CancellationTokenSource _cancel = new();

    public int JobId { get; } = jobId;
    public CancellationToken Token => _cancel.Token;
    public bool CancelledByUser { get; private set; }
    public Task Completion { get; set; } = Task.CompletedTask;

    public void CancelByUser()
    {
        CancelledByUser = true;
        _cancel.Cancel();
    }

    public void CancelForShutdown() => _cancel.Cancel();
}
