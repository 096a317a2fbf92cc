using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace TumorWeb.Data.Tests;

public sealed class DataServiceCollectionExtensionsTests
{
    [Fact]
    public async Task FactoryAndScopedContextBothReachTheConfiguredFile()
    {
        await using var database = TestDatabase.CreateEmpty();
        await using var services = new ServiceCollection().AddData(database.ConnectionString).BuildServiceProvider();

        var factory = services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.MigrateAsync();
            db.Add(CatalogBuilder.Run("from-factory"));
            await db.SaveChangesAsync();
        }

        await using var scope = services.CreateAsyncScope();
        var scoped = scope.ServiceProvider.GetRequiredService<TumorWebDbContext>();

        Assert.Equal(["from-factory"], await scoped.ExtractionRuns.Select(r => r.Name).ToListAsync());
    }
}
