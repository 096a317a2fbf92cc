using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Jobs.Queue;

namespace TumorWeb.Web.Tests.Jobs;

/// <summary>
/// Holds a running job at the first progress event that <paramref name="holdAt"/> picks, until the
/// test opens the gate or the job is stopped (cancel or shutdown). A test that must see something
/// happen while a job runs then does not depend on how fast this machine runs the job.
/// </summary>
public sealed class JobGate(Func<RunEvent, bool> holdAt)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly TaskCompletionSource<RunEvent> _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The event a job is held at, once one is.</summary>
    public Task<RunEvent> Reached => _reached.Task;

    public void Open() => _open.TrySetResult();

    /// <summary>Called on the job's own thread after the event was published: blocks it there while the gate is shut.</summary>
    internal void Pass(RunEvent runEvent, CancellationToken jobStopped)
    {
        if (_open.Task.IsCompleted || !holdAt(runEvent)) return;
        _reached.TrySetResult(runEvent);
        try
        {
            if (!_open.Task.Wait(Patience, jobStopped))
                throw new TimeoutException($"job {runEvent.JobId} was held at \"{runEvent.Message}\" for {Patience}: the test never opened the gate");
        }
        catch (OperationCanceledException) when (jobStopped.IsCancellationRequested)
        {
            // Stopped while held: the job goes on and meets its cancelled token at its next safe point.
        }
    }
}

/// <summary>The app's notifier, with every published event passed through a <see cref="JobGate"/>.</summary>
internal sealed class GatedRunNotifier(IRunNotifier inner, JobSignals signals, JobGate gate) : IRunNotifier
{
    public void Publish(RunEvent runEvent)
    {
        inner.Publish(runEvent);
        gate.Pass(runEvent, signals.Find(runEvent.JobId)?.Token ?? CancellationToken.None);
    }

    public IDisposable Subscribe(Action<RunEvent> handler) => inner.Subscribe(handler);
}
