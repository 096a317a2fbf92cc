using TumorWeb.Data.Entities;

namespace TumorWeb.Data.Tests;

public sealed class TumorWebDbContextTests
{
    [Fact]
    public async Task EnumColumnsHoldTheEnumNames()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
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

        Assert.Equal("Interrupted", await database.ScalarAsync("SELECT Status FROM ExtractionRuns"));
        Assert.Equal("Tumor|Validation|Completed",
            await database.ScalarAsync("SELECT Role || '|' || Split || '|' || Status FROM RunSlides"));
        Assert.Equal("Normal|Test", await database.ScalarAsync("SELECT Label || '|' || Split FROM Patches"));
    }

    [Fact]
    public async Task NewRunKeepsTheDefaultSamplingSettings()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using (var db = database.NewContext())
        {
            db.Add(CatalogBuilder.Run());
            await db.SaveChangesAsync();
        }

        await using var query = database.NewContext();
        var run = query.ExtractionRuns.Single();

        Assert.Equal(1.0 / 3, run.TumorFraction);
        Assert.Equal(0.5, run.NormalPerTumor);
        Assert.Equal(128, run.CellSize);
        Assert.Equal(299, run.PatchSize);
        Assert.Equal(RunStatus.Queued, run.Status);
    }
}
