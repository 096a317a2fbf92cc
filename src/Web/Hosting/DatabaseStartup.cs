using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;

namespace TumorWeb.Web.Hosting;

/// <summary>
/// Applies the migrations at start-up. Registered before every other hosted service, and hosted
/// services start one after another before the server listens, so nothing sees an old schema.
/// </summary>
public sealed class DatabaseStartup(TumorWebPaths paths, IDbContextFactory<TumorWebDbContext> factory) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(paths.DatabaseFile)!);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
