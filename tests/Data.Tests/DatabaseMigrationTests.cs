using Microsoft.EntityFrameworkCore;

namespace TumorWeb.Data.Tests;

public sealed class DatabaseMigrationTests
{
    [Fact]
    public async Task MigrationsBuildAnEmptyFileUpToTheCurrentModel()
    {
        await using var database = TestDatabase.CreateEmpty();
        await using var db = database.NewContext();

        await db.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Contains(await db.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_InitialCatalog"));
        Assert.Contains(await db.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_Training"));
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Equal(0, await db.ExtractionRuns.CountAsync());
    }

    [Fact]
    public async Task MigratingTwiceKeepsTheData()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
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
