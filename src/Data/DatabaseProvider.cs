namespace TumorWeb.Data;

/// <summary>The database engines the catalog runs on; each has its own migration set.</summary>
public enum DatabaseProvider
{
    /// <summary>One file on one machine: the default, the demo and the CLI.</summary>
    Sqlite,

    /// <summary>A server that a cluster's web nodes and workers share.</summary>
    PostgreSql,
}
