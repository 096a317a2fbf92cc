using TumorWeb.Data.Entities;

namespace TumorWeb.Data.Tests;

/// <summary>Builds small catalogs (runs, slides, patches) for tests.</summary>
public static class CatalogBuilder
{
    public static readonly DateTimeOffset Noon = new(2025, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static ExtractionRun Run(string name = "run", DateTimeOffset? createdAt = null) => new()
    {
        Name = name,
        DatasetPath = "/data/camelyon16",
        OutputDirectory = "/data/out/" + name,
        Seed = 42,
        CreatedAt = createdAt ?? Noon,
    };

    public static RunSlide Slide(ExtractionRun run, string name = "tumor_001") => new()
    {
        ExtractionRun = run,
        Name = name,
        SlidePath = $"/data/camelyon16/{name}.tif",
        MaskPath = $"/data/camelyon16/{name}_mask.tif",
        Width = 97792,
        Height = 221184,
        GridWidth = 764,
        GridHeight = 1728,
    };

    public static Patch Patch(RunSlide slide, int x, int y, PatchLabel label = PatchLabel.Tumor) => new()
    {
        ExtractionRunId = slide.ExtractionRunId,
        ExtractionRun = slide.ExtractionRun,
        RunSlide = slide,
        X = x,
        Y = y,
        Label = label,
        Split = slide.Split,
        Shard = 0,
        Offset = 0,
        Length = 1,
    };

    /// <summary>Saves a run with one slide and the given patch cells; returns the saved run's id.</summary>
    public static async Task<(int RunId, int SlideId)> SaveRunWithPatchesAsync(
        TestDatabase database, params (int X, int Y)[] cells)
    {
        await using var db = database.NewContext();
        var run = Run();
        var slide = Slide(run);
        db.Add(slide);
        await db.SaveChangesAsync();
        foreach (var (x, y) in cells)
            db.Add(Patch(slide, x, y));
        await db.SaveChangesAsync();
        return (run.Id, slide.Id);
    }
}
