namespace TumorWeb.Data.Entities;

/// <summary>
/// One entry of the persisted job queue: what to run (kind + parameters as JSON), where it is, and
/// the run it produced. Queued jobs survive a restart; a job found Running at start-up was
/// interrupted and can be resumed.
/// </summary>
public class Job
{
    public int Id { get; set; }
    public JobKind Kind { get; set; }
    public string Title { get; set; } = "";

    /// <summary>The job's settings as JSON, so adding one needs no migration.</summary>
    public string Parameters { get; set; } = "{}";

    public RunStatus Status { get; set; } = RunStatus.Queued;

    /// <summary>Fraction done, 0 to 1, as last reported.</summary>
    public double Progress { get; set; }

    /// <summary>The stage or message last reported ("grid 3/6", "epoch 2/8 step 40").</summary>
    public string? Message { get; set; }
    public string? Error { get; set; }

    public string? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>
    /// When a user asked to cancel the job while it ran. In cluster mode the workers running its items
    /// poll this, so a cancel from any node reaches them.
    /// </summary>
    public DateTimeOffset? CancelRequestedAt { get; set; }

    public int? DatasetId { get; set; }
    public int? ExtractionRunId { get; set; }
    public int? TrainingRunId { get; set; }
    public int? EvaluationRunId { get; set; }
}
