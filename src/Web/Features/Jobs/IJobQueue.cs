using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Jobs;

/// <summary>
/// The one queue for long-running work (extraction, training, evaluation). Jobs are rows in SQLite,
/// so they survive a restart; a hosted worker runs them, MaxConcurrentJobs at a time.
/// </summary>
public interface IJobQueue
{
    /// <summary>
    /// Saves a queued job (and its audit entry, under <see cref="JobRequest.CreatedBy"/>) and wakes the
    /// worker. Throws <see cref="ArgumentException"/> for bad parameters.
    /// </summary>
    Task<Job> EnqueueAsync(JobRequest request, CancellationToken ct = default);

    /// <summary>Cancels a queued job at once, a running one at its next safe point (it keeps what it saved).</summary>
    Task<bool> CancelAsync(int jobId, string actor, CancellationToken ct = default);

    /// <summary>Queues an interrupted, cancelled or failed job again; it continues from its last checkpoint.</summary>
    Task<bool> ResumeAsync(int jobId, string actor, CancellationToken ct = default);
}
