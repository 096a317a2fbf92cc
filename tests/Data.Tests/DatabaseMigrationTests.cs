using Microsoft.EntityFrameworkCore;
using TumorWeb.Data.PostgreSql;

namespace TumorWeb.Data.Tests;

[Collection(PostgresCollection.Name)]
public sealed class DatabaseMigrationTests(PostgresFixture postgres)
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task MigrationsBuildAnEmptyDatabaseUpToTheCurrentModel(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider, postgres);
        await using var db = database.NewContext();

        await db.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Equal(0, await db.ExtractionRuns.CountAsync());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, "_InitialCatalog", "_InitialPostgreSql")]
    [InlineData(DatabaseProvider.PostgreSql, "_InitialPostgreSql", "_InitialCatalog")]
    public async Task EachProviderAppliesItsOwnMigrationSet(DatabaseProvider provider, string own, string other)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, postgres);
        await using var db = database.NewContext();

        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();

        Assert.Contains(applied, m => m.EndsWith(own));
        Assert.DoesNotContain(applied, m => m.EndsWith(other));
    }

    [Fact]
    public void APostgreSqlConnectionMakesThePostgreSqlContext()
    {
        using var db = DatabaseConnection.PostgreSql("Host=127.0.0.1;Database=tumorweb").NewContext();

        Assert.IsType<PostgreSqlTumorWebDbContext>(db);
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task MigratingTwiceKeepsTheData(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, postgres);
        await CatalogBuilder.SaveRunWithPatchesAsync(database, (1, 2));

        await using var db = database.NewContext();
        await db.MigrateAsync();

        Assert.Equal(1, await db.Patches.CountAsync());
    }

    [Fact]
    public async Task FileIsInWriteAheadLogModeAfterMigrate()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();

        Assert.Equal("wal", await database.ScalarAsync("PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task EveryConnectionTheContextOpensWaitsForLocks()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var db = database.NewContext();

        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout;";

        Assert.Equal(10_000L, await command.ExecuteScalarAsync());
    }
}
