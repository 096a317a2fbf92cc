using Microsoft.EntityFrameworkCore;
using TumorWeb.Data.Entities;
using TumorWeb.Data.Entities.Accounts;

namespace TumorWeb.Data.Tests;

/// <summary>The same catalog written and read back on each provider, with the kinds of queries the app runs.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CatalogRoundTripTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Registered = new(2025, 11, 25, 9, 30, 0, TimeSpan.FromHours(1));

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ADatasetARunItsPatchesAnEvaluationAJobAndAnAuditEntryReadBackAsWritten(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, postgres);
        await SaveCatalogAsync(database);

        await using var db = database.NewContext();
        var dataset = await db.Datasets.Include(d => d.Slides.OrderBy(s => s.Name)).SingleAsync();
        var slide = await db.RunSlides.Include(s => s.ExtractionRun).SingleAsync();
        var patches = await db.Patches.OrderBy(p => p.X).ThenBy(p => p.Y).Select(p => $"{p.X},{p.Y} {p.Label} {p.Split}").ToListAsync();
        var evaluation = await db.EvaluationRuns.Include(e => e.Slides).SingleAsync();
        var job = await db.Jobs.SingleAsync();
        var audit = await db.AuditEntries.SingleAsync();

        Assert.Equal(("CAMELYON16 lab copy", "/data/camelyon16", Registered.ToUniversalTime(), 120),
            (dataset.Name, dataset.Folder, dataset.CreatedAt, dataset.TumorSlideThreshold));
        Assert.Equal(["normal_001 Normal 97792x221184 sha256:ab12", "tumor_001 Tumor 98304x215552 "],
            dataset.Slides.Select(s => $"{s.Name} {s.Role} {s.Width}x{s.Height} {s.ContentHash}"));
        Assert.Equal(("run", "tumor_001", 764, 1728), (slide.ExtractionRun!.Name, slide.Name, slide.GridWidth, slide.GridHeight));
        Assert.Equal(["1,1 Tumor Train", "1,2 Normal Train", "3,4 Tumor Train"], patches);
        Assert.Equal((0.875, 0.5, RunStatus.Completed), (evaluation.SlideAuc, evaluation.FrocScore, evaluation.Status));
        Assert.Equal(["tumor_001 0.9375 Completed"], evaluation.Slides.Select(s => $"{s.Name} {s.Auc} {s.Status}"));
        Assert.Equal((JobKind.Evaluation, """{"evaluationRunId":1}""", RunStatus.Running, 0.25, "admin"),
            (job.Kind, job.Parameters, job.Status, job.Progress, job.CreatedBy));
        Assert.Equal(("admin", "dataset.register", "dataset 1", Registered.ToUniversalTime()), (audit.UserName, audit.Action, audit.Target, audit.At));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ConditionalUpdatesCountsAndRandomSamplesWork(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, postgres);
        await SaveCatalogAsync(database);
        RunStatus[] resumable = [RunStatus.Interrupted, RunStatus.Running];
        var finished = new DateTimeOffset(2025, 11, 25, 13, 0, 0, TimeSpan.FromHours(2));

        await using var db = database.NewContext();
        var moved = await db.Jobs.Where(j => resumable.Contains(j.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, RunStatus.Interrupted).SetProperty(j => j.CompletedAt, finished));
        var again = await db.Jobs.Where(j => j.Status == RunStatus.Running).ExecuteUpdateAsync(s => s.SetProperty(j => j.Progress, 1.0));
        var labels = await db.Patches.GroupBy(p => p.Label).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}").ToListAsync();
        var sample = await db.Patches.OrderBy(p => EF.Functions.Random()).Take(2).CountAsync();
        var late = await db.Jobs.CountAsync(j => j.CompletedAt > new DateTimeOffset(2025, 11, 25, 10, 59, 0, TimeSpan.Zero));

        Assert.Equal((1, 0), (moved, again));
        Assert.Equal(["Normal 1", "Tumor 2"], labels);
        Assert.Equal(2, sample);
        Assert.Equal(1, late);
    }

    private static async Task SaveCatalogAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        db.Datasets.Add(new Dataset
        {
            Name = "CAMELYON16 lab copy",
            Folder = "/data/camelyon16",
            CreatedAt = Registered,
            TumorSlideThreshold = 120,
            Slides =
            [
                new RegisteredSlide { Name = "tumor_001", SlidePath = "/data/camelyon16/tumor_001.tif", Width = 98304, Height = 215552, Role = SlideRole.Tumor },
                new RegisteredSlide { Name = "normal_001", SlidePath = "/data/camelyon16/normal_001.tif", Width = 97792, Height = 221184, Role = SlideRole.Normal, ContentHash = "sha256:ab12" },
            ],
        });
        var slide = CatalogBuilder.Slide(CatalogBuilder.Run());
        db.AddRange(CatalogBuilder.Patch(slide, 3, 4), CatalogBuilder.Patch(slide, 1, 2, PatchLabel.Normal), CatalogBuilder.Patch(slide, 1, 1));
        db.EvaluationRuns.Add(new EvaluationRun
        {
            ModelPath = "/data/runs/training-1/model.pt",
            OutputDirectory = "/data/runs/evaluation-1",
            Status = RunStatus.Completed,
            SlideAuc = 0.875,
            FrocScore = 0.5,
            CreatedAt = CatalogBuilder.Noon,
            Slides = [new EvaluationSlide { Name = "tumor_001", SlidePath = "/data/camelyon16/tumor_001.tif", HeatmapDirectory = "heatmaps/tumor_001", Auc = 0.9375, Status = SlideStatus.Completed }],
        });
        db.Jobs.Add(new Job
        {
            Kind = JobKind.Evaluation, Title = "Evaluate", Parameters = """{"evaluationRunId":1}""", Status = RunStatus.Running,
            Progress = 0.25, CreatedBy = "admin", CreatedAt = CatalogBuilder.Noon,
        });
        db.AuditEntries.Add(new AuditEntry { At = Registered, UserName = "admin", Action = "dataset.register", Target = "dataset 1" });
        await db.SaveChangesAsync();
    }
}
