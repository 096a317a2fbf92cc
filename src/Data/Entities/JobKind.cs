namespace TumorWeb.Data.Entities;

/// <summary>The long-running work the web app queues.</summary>
public enum JobKind
{
    Extraction,
    Training,
    Evaluation,

    /// <summary>Hard-negative mining: makes an extraction run derived from another (its run goes in <see cref="Job.ExtractionRunId"/>).</summary>
    Mining,
}
