namespace TumorWeb.Web.Hosting;

/// <summary>The "TumorWeb:Cluster" section: what several machines running TumorWeb share (docs/cluster.md).</summary>
public sealed class ClusterOptions
{
    /// <summary>
    /// A PostgreSQL connection string. When set, the catalog, the accounts, the audit log and the
    /// job table live in that database instead of the SQLite file, so every node sees the same lab.
    /// </summary>
    public string? PostgreSql { get; set; }
}
