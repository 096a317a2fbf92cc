namespace TumorWeb.Data.Entities.Accounts;

/// <summary>One thing a person did that changes what the lab has: who, what, on which thing, when.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The user name at the time (kept when the account is deleted later).</summary>
    public string UserName { get; set; } = "";

    /// <summary>A verb such as "dataset.register" or "job.cancel" (see AuditActions in the web app).</summary>
    public string Action { get; set; } = "";

    /// <summary>What it was done to, by id ("job 12", "dataset 3", "user alice").</summary>
    public string Target { get; set; } = "";

    public string? Detail { get; set; }
}
