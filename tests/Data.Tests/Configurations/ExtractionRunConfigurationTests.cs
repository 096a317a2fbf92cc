using Microsoft.EntityFrameworkCore;

namespace TumorWeb.Data.Tests.Configurations;

[Collection(PostgresCollection.Name)]
public sealed class ExtractionRunConfigurationTests(PostgresFixture postgres)
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task DeletingARunInTheDatabaseDeletesItsSlidesAndPatches(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, postgres);
        var (doomedRunId, _) = await CatalogBuilder.SaveRunWithPatchesAsync(database, (1, 1), (1, 2), (2, 2));
        var (keptRunId, _) = await CatalogBuilder.SaveRunWithPatchesAsync(database, (1, 1));

        await using var db = database.NewContext();
        await db.ExtractionRuns.Where(r => r.Id == doomedRunId).ExecuteDeleteAsync();

        Assert.Equal([keptRunId], await db.RunSlides.Select(s => s.ExtractionRunId).ToListAsync());
        Assert.Equal([keptRunId], await db.Patches.Select(p => p.ExtractionRunId).ToListAsync());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task RemovingATrackedRunDeletesItsSlidesAndPatches(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, postgres);
        var (runId, _) = await CatalogBuilder.SaveRunWithPatchesAsync(database, (1, 1), (1, 2));

        await using var db = database.NewContext();
        db.Remove(await db.ExtractionRuns.SingleAsync(r => r.Id == runId));
        await db.SaveChangesAsync();

        Assert.Equal(0, await db.RunSlides.CountAsync());
        Assert.Equal(0, await db.Patches.CountAsync());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task RunsOrderByTheInstantTheyWereCreatedWhateverTheOffset(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, postgres);
        await using (var db = database.NewContext())
        {
            // 12:30 at +02:00 is 10:30 UTC, earlier than 11:00 UTC.
            db.AddRange(
                CatalogBuilder.Run("late", new DateTimeOffset(2025, 11, 25, 11, 0, 0, TimeSpan.Zero)),
                CatalogBuilder.Run("early", new DateTimeOffset(2025, 11, 25, 12, 30, 0, TimeSpan.FromHours(2))));
            await db.SaveChangesAsync();
        }

        await using var query = database.NewContext();
        var names = await query.ExtractionRuns.OrderBy(r => r.CreatedAt).Select(r => r.Name).ToListAsync();
        var after = await query.ExtractionRuns
            .Where(r => r.CreatedAt > new DateTimeOffset(2025, 11, 25, 10, 45, 0, TimeSpan.Zero))
            .Select(r => r.Name).ToListAsync();

        Assert.Equal(["early", "late"], names);
        Assert.Equal(["late"], after);
    }

    [SkippableTheory]
    // SQLite has no date type: fixed-width UTC text. PostgreSQL: a timestamptz holding the same instant.
    [InlineData(DatabaseProvider.Sqlite, """SELECT "StartedAt" FROM "ExtractionRuns" """, "2025-11-25T12:05:06.7890000Z")]
    [InlineData(DatabaseProvider.PostgreSql,
        """SELECT to_char("StartedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || ' ' || pg_typeof("StartedAt") FROM "ExtractionRuns" """,
        "2025-11-25T12:05:06.789000 timestamp with time zone")]
    public async Task TimestampsAreStoredInUtcAndReadBackAsTheSameInstant(DatabaseProvider provider, string query, string stored)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, postgres);
        var started = new DateTimeOffset(2025, 11, 25, 14, 5, 6, 789, TimeSpan.FromHours(2));
        await using (var db = database.NewContext())
        {
            var run = CatalogBuilder.Run();
            run.StartedAt = started;
            db.Add(run);
            await db.SaveChangesAsync();
        }

        await using var read = database.NewContext();
        var back = await read.ExtractionRuns.SingleAsync();

        Assert.Equal(stored, await database.ScalarAsync(query));
        Assert.Equal(started, back.StartedAt);
        Assert.Equal(TimeSpan.Zero, back.StartedAt!.Value.Offset);
        Assert.Null(back.CompletedAt);
    }
}
