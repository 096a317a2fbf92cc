using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Jobs.Notifications;

/// <summary>
/// Decides, per job, which progress events go out: at most one every <paramref name="interval"/>,
/// except that a change of status and an event carrying a training metric always go out at once
/// (a chart must not lose points). An event that arrives too soon is held, replacing any older held
/// one, and goes out when <see cref="Flush"/> is called at its due time, so the last event is never lost.
/// Pure: the caller supplies the time and owns the timer; not thread-safe.
/// </summary>
public sealed class RunEventThrottle(TimeSpan interval)
{
    private readonly Dictionary<int, JobState> _jobs = [];

    /// <summary>The event to send now (or null when held) and, when held, the time to call <see cref="Flush"/>.</summary>
    public readonly record struct Decision(RunEvent? Send, DateTimeOffset? FlushAt);

    public Decision Offer(RunEvent runEvent, DateTimeOffset now)
    {
        if (!_jobs.TryGetValue(runEvent.JobId, out var state))
            return Sent(runEvent, now);
        if (runEvent.Status != state.Status || runEvent.Metric is not null || now - state.SentAt >= interval)
            return Sent(runEvent, now);
        state.Held = runEvent;
        return new Decision(null, state.SentAt + interval);
    }

    /// <summary>The held event of <paramref name="jobId"/> once it is due; null when nothing is held or it is early.</summary>
    public RunEvent? Flush(int jobId, DateTimeOffset now)
    {
        if (!_jobs.TryGetValue(jobId, out var state) || state.Held is not { } held || now - state.SentAt < interval)
            return null;
        return Sent(held, now).Send;
    }

    /// <summary>When the held event of <paramref name="jobId"/> is due, or null when none is held.</summary>
    public DateTimeOffset? DueAt(int jobId) =>
        _jobs.TryGetValue(jobId, out var state) && state.Held is not null ? state.SentAt + interval : null;

    /// <summary>Jobs with state kept: finished jobs are forgotten once their last event went out.</summary>
    public int TrackedJobs => _jobs.Count;

    private Decision Sent(RunEvent runEvent, DateTimeOffset now)
    {
        if (IsFinal(runEvent.Status)) _jobs.Remove(runEvent.JobId);
        else _jobs[runEvent.JobId] = new JobState { Status = runEvent.Status, SentAt = now };
        return new Decision(runEvent, null);
    }

    private static bool IsFinal(RunStatus status) =>
        status is RunStatus.Completed or RunStatus.Failed or RunStatus.Cancelled or RunStatus.Interrupted;

    private sealed class JobState
    {
        public RunStatus Status { get; init; }
        public DateTimeOffset SentAt { get; init; }
        public RunEvent? Held { get; set; }
    }
}
