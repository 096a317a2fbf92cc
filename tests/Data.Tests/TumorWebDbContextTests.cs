using TumorWeb.Data.Entities;

namespace TumorWeb.Data.Tests;

[Collection(PostgresCollection.Name)]
public sealed class TumorWebDbContextTests(PostgresFixture postgres)
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task EnumColumnsHoldTheEnumNames(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, postgres);
        await using (var db = database.NewContext())
        {
            var run = CatalogBuilder.Run();
            run.Status = RunStatus.Interrupted;
            var slide = CatalogBuilder.Slide(run);
            slide.Role = SlideRole.Tumor;
            slide.Split = DataSplit.Validation;
            slide.Status = SlideStatus.Completed;
            var patch = CatalogBuilder.Patch(slide, 3, 4, PatchLabel.Normal);
            patch.Split = DataSplit.Test;
            db.Add(patch);
            await db.SaveChangesAsync();
        }

        Assert.Equal("Interrupted", await database.ScalarAsync("""SELECT "Status" FROM "ExtractionRuns" """));
        Assert.Equal("Tumor|Validation|Completed",
            await database.ScalarAsync("""SELECT "Role" || '|' || "Split" || '|' || "Status" FROM "RunSlides" """));
        Assert.Equal("Normal|Test", await database.ScalarAsync("""SELECT "Label" || '|' || "Split" FROM "Patches" """));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task NewRunKeepsItsSamplingSettings(DatabaseProvider provider)
    {
        // The defaults live in the pipeline's ExtractionOptions; a run row stores what the run was given.
        await using var database = await TestDatabase.CreateMigratedAsync(provider, postgres);
        await using (var db = database.NewContext())
        {
            var given = CatalogBuilder.Run();
            (given.TumorFraction, given.NormalPerTumor, given.CellSize, given.PatchSize, given.ValidationFraction, given.TestFraction) =
                (1.0 / 3, 0.5, 256, 512, 0.25, 0.1);
            db.Add(given);
            await db.SaveChangesAsync();
        }

        await using var query = database.NewContext();
        var run = query.ExtractionRuns.Single();

        Assert.Equal(1.0 / 3, run.TumorFraction);
        Assert.Equal(0.5, run.NormalPerTumor);
        Assert.Equal((256, 512), (run.CellSize, run.PatchSize));
        Assert.Equal((0.25, 0.1), (run.ValidationFraction, run.TestFraction));
        Assert.Equal(RunStatus.Queued, run.Status);
    }
}
