using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;

namespace TumorWeb.Web.Hosting;

/// <summary>
/// Applies the migrations at start-up. Registered before every other hosted service, and hosted
/// services start one after another before the server listens, so nothing sees an old schema.
/// </summary>
public sealed class DatabaseStartup(TumorWebPaths paths, DatabaseConnection database, IDbContextFactory<TumorWebDbContext> factory) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
            Directory.CreateDirectory(Path.GetDirectoryName(paths.DatabaseFile)!);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        try
        {
            await db.MigrateAsync(cancellationToken);
        }
        catch (DbException e) when (database.Provider == DatabaseProvider.PostgreSql)
        {
            // The server's own message ("password authentication failed", "Connection refused") with where it was going.
            throw new InvalidOperationException($"cannot open the cluster's {database} ({AppDatabase.ClusterKey}): {e.Message}", e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
