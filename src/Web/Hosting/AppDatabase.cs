using TumorWeb.Data;

namespace TumorWeb.Web.Hosting;

/// <summary>Which database the app runs on: the cluster's PostgreSQL database when one is configured, else the SQLite file.</summary>
public static class AppDatabase
{
    public const string ClusterKey = $"{TumorWebOptions.Section}:Cluster:PostgreSql";

    /// <summary>Throws <see cref="InvalidOperationException"/> naming <see cref="ClusterKey"/> when its value does not parse.</summary>
    public static DatabaseConnection Choose(TumorWebOptions options, string sqliteFile)
    {
        if (string.IsNullOrWhiteSpace(options.Cluster.PostgreSql)) return DatabaseConnection.SqliteFile(sqliteFile);
        try
        {
            return DatabaseConnection.PostgreSql(options.Cluster.PostgreSql);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{ClusterKey}: {e.Message}", e);
        }
    }
}
