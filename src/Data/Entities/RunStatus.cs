namespace TumorWeb.Data.Entities;

/// <summary>Where an extraction or training run is in its life. Interrupted: the process stopped while it was running.</summary>
public enum RunStatus
{
    Queued,
    Running,
    Completed,
    Failed,
    Cancelled,
    Interrupted,
}
