using Microsoft.EntityFrameworkCore;

namespace TumorWeb.Data.Tests.Configurations;

[Collection(PostgresCollection.Name)]
public sealed class PatchConfigurationTests(PostgresFixture postgres)
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SecondPatchOnTheSameCellOfTheSameSlideIsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, postgres);
        var (runId, slideId) = await CatalogBuilder.SaveRunWithPatchesAsync(database, (10, 20));

        await using var db = database.NewContext();
        var slide = await db.RunSlides.SingleAsync(s => s.Id == slideId);
        db.Add(CatalogBuilder.Patch(slide, 10, 20));

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        UniqueViolation.AssertRefusedBy(error, provider, "Patches", "RunSlideId", "X", "Y");
        await using var check = database.NewContext();
        Assert.Equal(1, await check.Patches.CountAsync(p => p.ExtractionRunId == runId));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SameCellOnAnotherSlideIsAccepted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, postgres);
        var (runId, _) = await CatalogBuilder.SaveRunWithPatchesAsync(database, (10, 20));

        await using var db = database.NewContext();
        var run = await db.ExtractionRuns.SingleAsync(r => r.Id == runId);
        db.Add(CatalogBuilder.Patch(CatalogBuilder.Slide(run, "tumor_002"), 10, 20));
        await db.SaveChangesAsync();

        Assert.Equal(2, await db.Patches.CountAsync(p => p.X == 10 && p.Y == 20));
    }
}
