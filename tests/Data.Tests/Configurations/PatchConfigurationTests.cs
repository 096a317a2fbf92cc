using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace TumorWeb.Data.Tests.Configurations;

public sealed class PatchConfigurationTests
{
    [Fact]
    public async Task SecondPatchOnTheSameCellOfTheSameSlideIsRefused()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var (runId, slideId) = await CatalogBuilder.SaveRunWithPatchesAsync(database, (10, 20));

        await using var db = database.NewContext();
        var slide = await db.RunSlides.SingleAsync(s => s.Id == slideId);
        db.Add(CatalogBuilder.Patch(slide, 10, 20));

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        var sqlite = Assert.IsType<SqliteException>(error.InnerException);
        Assert.Contains("UNIQUE constraint failed: Patches.RunSlideId, Patches.X, Patches.Y", sqlite.Message);
        await using var check = database.NewContext();
        Assert.Equal(1, await check.Patches.CountAsync(p => p.ExtractionRunId == runId));
    }

    [Fact]
    public async Task SameCellOnAnotherSlideIsAccepted()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var (runId, _) = await CatalogBuilder.SaveRunWithPatchesAsync(database, (10, 20));

        await using var db = database.NewContext();
        var run = await db.ExtractionRuns.SingleAsync(r => r.Id == runId);
        db.Add(CatalogBuilder.Patch(CatalogBuilder.Slide(run, "tumor_002"), 10, 20));
        await db.SaveChangesAsync();

        Assert.Equal(2, await db.Patches.CountAsync(p => p.X == 10 && p.Y == 20));
    }
}
