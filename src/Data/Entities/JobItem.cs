namespace TumorWeb.Data.Entities;

/// <summary>
/// One unit of a job that one worker runs in cluster mode: a whole job (training), or one stage of a
/// job that fans out (an extraction's grid and patches per slide, its sampling plan once; an
/// evaluation's scoring per slide, its measurement once). A worker claims the row with a lease
/// before it works, renews the lease while it works, and another worker may take the item over only
/// after the lease has expired, so a delivery that arrives twice runs once.
/// </summary>
public class JobItem
{
    public int Id { get; set; }
    public int JobId { get; set; }
    public Job? Job { get; set; }

    public JobItemStage Stage { get; set; }

    /// <summary>What the stage works on: the slide's name for per-slide stages, "" otherwise. (JobId, Stage, Key) is unique.</summary>
    public string Key { get; set; } = "";

    /// <summary>The Hangfire queue the item goes to: "cpu" or "gpu".</summary>
    public string Queue { get; set; } = "cpu";

    public RunStatus Status { get; set; } = RunStatus.Queued;

    /// <summary>The node (worker name) that holds the lease; null when nobody does.</summary>
    public string? Owner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }

    /// <summary>How many times a worker claimed the item (a takeover after a lease expired counts again).</summary>
    public int Attempts { get; set; }

    /// <summary>
    /// When the item's current delivery was handed to Hangfire; null while it is queued but not handed
    /// over yet (a node that died between saving the item and handing it over leaves it so, and the
    /// lease sweeper hands it over).
    /// </summary>
    public DateTimeOffset? DispatchedAt { get; set; }

    public string? Error { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
