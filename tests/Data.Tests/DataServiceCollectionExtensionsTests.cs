using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Data.PostgreSql;

namespace TumorWeb.Data.Tests;

[Collection(PostgresCollection.Name)]
public sealed class DataServiceCollectionExtensionsTests(PostgresFixture postgres)
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, typeof(TumorWebDbContext))]
    [InlineData(DatabaseProvider.PostgreSql, typeof(PostgreSqlTumorWebDbContext))]
    public async Task FactoryAndScopedContextBothReachTheConfiguredDatabase(DatabaseProvider provider, Type contextType)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider, postgres);
        await using var services = new ServiceCollection().AddData(database.Connection).BuildServiceProvider();

        var factory = services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.IsType(contextType, db);
            await db.MigrateAsync();
            db.Add(CatalogBuilder.Run("from-factory"));
            await db.SaveChangesAsync();
        }

        await using var scope = services.CreateAsyncScope();
        var scoped = scope.ServiceProvider.GetRequiredService<TumorWebDbContext>();

        Assert.IsType(contextType, scoped);
        Assert.Same(database.Connection, services.GetRequiredService<DatabaseConnection>());
        Assert.Equal(["from-factory"], await scoped.ExtractionRuns.Select(r => r.Name).ToListAsync());
    }

    [Fact]
    public async Task AConnectionStringAloneStillMeansSqlite()
    {
        await using var database = TestDatabase.CreateEmpty();
        await using var services = new ServiceCollection().AddData(database.ConnectionString).BuildServiceProvider();

        await using var db = await services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>().CreateDbContextAsync();

        Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
    }
}
