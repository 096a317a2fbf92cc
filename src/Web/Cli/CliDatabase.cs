using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TumorWeb.Data;

namespace TumorWeb.Web.Cli;

/// <summary>The SQLite catalog a command works on, migrated before first use.</summary>
public static class CliDatabase
{
    /// <summary>The environment variable that names the cluster's PostgreSQL database on a cluster node, as for the web nodes.</summary>
    public const string ClusterVariable = "TumorWeb__Cluster__PostgreSql";

    public static bool OnCluster => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ClusterVariable));

    /// <summary>The cluster's database that <see cref="ClusterVariable"/> names; null when it names none.</summary>
    /// <exception cref="ArgumentException">It is not a PostgreSQL connection string; the message starts with the variable's name.</exception>
    public static DatabaseConnection? Cluster()
    {
        if (!OnCluster) return null;
        try
        {
            return DatabaseConnection.PostgreSql(Environment.GetEnvironmentVariable(ClusterVariable)!);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{ClusterVariable}: {e.Message}", e);
        }
    }

    /// <summary>An extraction folder keeps its own catalog unless --db names another database.</summary>
    public static string PathFor(string? db, string extractionDirectory) =>
        Path.GetFullPath(db ?? Path.Combine(extractionDirectory, "catalog.db"));

    public static async Task<IDbContextFactory<TumorWebDbContext>> OpenAsync(string path, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var factory = new PooledDbContextFactory<TumorWebDbContext>(TumorWebDbContextOptions.Create($"Data Source={path}"));
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.MigrateAsync(ct);
        return factory;
    }
}
