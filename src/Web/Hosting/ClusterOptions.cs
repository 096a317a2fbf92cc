namespace TumorWeb.Web.Hosting;

/// <summary>The "TumorWeb:Cluster" section: what several machines running TumorWeb share (docs/cluster.md).</summary>
public sealed class ClusterOptions
{
    public const int DefaultLeaseSeconds = 30;

    /// <summary>
    /// A PostgreSQL connection string. When set, the catalog, the accounts, the audit log and the
    /// job table live in that database instead of the SQLite file, so every node sees the same lab,
    /// and jobs run through Hangfire on workers (<c>tumorweb worker</c>) instead of the web process's own worker.
    /// </summary>
    public string? PostgreSql { get; set; }

    /// <summary>False keeps a web node from running work: it serves pages, the API and the hubs only.</summary>
    public bool RunJobs { get; set; } = true;

    /// <summary>
    /// How long a worker's claim on a work item lasts without a renewal. A worker renews it every
    /// third of this while it works; once it has lapsed (the worker died) another worker takes the item over.
    /// </summary>
    public int LeaseSeconds { get; set; } = DefaultLeaseSeconds;

    /// <summary>The Hangfire queues a web node that runs jobs serves.</summary>
    public List<string> Queues { get; set; } = [];

    /// <summary>This node's name in the job items it owns and on the dashboard; default host name and process id.</summary>
    public string? NodeName { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(PostgreSql);
}
