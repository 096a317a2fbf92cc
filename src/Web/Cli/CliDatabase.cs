using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TumorWeb.Data;

namespace TumorWeb.Web.Cli;

/// <summary>The SQLite catalog a command works on, migrated before first use.</summary>
public static class CliDatabase
{
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
