namespace TumorWeb.Data.Entities;

/// <summary>The long-running work the web app queues.</summary>
public enum JobKind
{
    Extraction,
    Training,
    Evaluation,
}
