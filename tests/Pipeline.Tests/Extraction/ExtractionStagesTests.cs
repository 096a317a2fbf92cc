using Microsoft.EntityFrameworkCore;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Extraction;
using TumorWeb.Pipeline.Extraction.Store;
using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Pipeline.Tests.Extraction;

/// <summary>The extraction split into plan, one step per slide and finish, as a cluster's workers run it.</summary>
public sealed class ExtractionStagesTests(SyntheticDatasetFixture dataset) : IClassFixture<SyntheticDatasetFixture>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("tumorweb-stages-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private ExtractionOptions Options(string folder) => new()
    {
        DatasetDirectory = dataset.Directory,
        OutputDirectory = Path.Combine(_work, folder),
        Seed = 5,
        Grid = new GridOptions { TumorSlideThreshold = 10 },
        BatchSize = 16,
        ProgressInterval = TimeSpan.Zero,
    };

    /// <summary>Each patch as (slide, cell, label, split) with its decoded pixels.</summary>
    private static SortedDictionary<string, byte[]> Patches(TestDatabase catalog, string folder)
    {
        using var db = catalog.Open();
        using var reader = new PatchPackReader(folder);
        var patches = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var p in db.Patches.Include(p => p.RunSlide).AsNoTracking().ToList())
            patches.Add($"{p.RunSlide!.Name} {p.X},{p.Y} {p.Label} {p.Split}", reader.Read(new PatchLocation(p.Shard, p.Offset, p.Length)).Pixels);
        return patches;
    }

    [Fact]
    public async Task SlidesExtractedByTwoWorkersAtOnceInAnyOrderGiveTheSamePatchesAsOneProcess()
    {
        using var single = new TestDatabase();
        var one = await new ExtractionRunner(single.Factory, TimeProvider.System).RunAsync(Options("one"), null, CancellationToken.None);
        using var shared = new TestDatabase();
        var options = Options("two");

        var planned = await new ExtractionStages(shared.Factory, TimeProvider.System).BeginAndPlanAsync(options, null, CancellationToken.None);
        var shuffled = planned.Slides.OrderBy(name => name.GetHashCode(StringComparison.Ordinal)).ToList();
        // Each worker has its own stages object and catalog connections, as another process would.
        await Task.WhenAll(
            Task.Run(() => ExtractEachAsync(shared, options, shuffled.Where((_, i) => i % 2 == 0))),
            Task.Run(() => ExtractEachAsync(shared, options, shuffled.Where((_, i) => i % 2 == 1))));
        var two = await new ExtractionStages(shared.Factory, TimeProvider.System).FinishAsync(options, CancellationToken.None);

        Assert.Equal(RunStatus.Completed, two.Status);
        Assert.Equal(one.Slides, two.Slides);
        var expected = Patches(single, one.OutputDirectory);
        var actual = Patches(shared, two.OutputDirectory);
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected, p => Assert.Equal(p.Value, actual[p.Key]));
        Assert.True(expected.Count > 20);
    }

    [Fact]
    public async Task GridsBuiltByTwoWorkersAtOnceInAnyOrderGiveTheSamePlanAsOneProcess()
    {
        using var single = new TestDatabase();
        var one = await new ExtractionStages(single.Factory, TimeProvider.System).BeginAndPlanAsync(Options("one"), null, CancellationToken.None);
        using var shared = new TestDatabase();
        var options = Options("two");

        var begun = await new ExtractionStages(shared.Factory, TimeProvider.System).BeginAsync(options, CancellationToken.None);
        var shuffled = begun.Slides.OrderByDescending(name => name, StringComparer.Ordinal).ToList();
        await Task.WhenAll(
            Task.Run(() => GridEachAsync(shared, options, shuffled.Where((_, i) => i % 2 == 0))),
            Task.Run(() => GridEachAsync(shared, options, shuffled.Where((_, i) => i % 2 == 1))));
        var two = await new ExtractionStages(shared.Factory, TimeProvider.System).PlanAsync(options, CancellationToken.None);

        Assert.Null(two.NothingToExtract);
        Assert.Equal(one.Slides, two.Slides);
        Assert.Equal(File.ReadAllText(SamplingPlanFile.PathIn(one.OutputDirectory)), File.ReadAllText(SamplingPlanFile.PathIn(two.OutputDirectory)));
        Assert.Equal(SlideRows(single), SlideRows(shared));
        Assert.Contains(SlideRows(shared), row => row.Contains("Tumor Train", StringComparison.Ordinal));
    }

    /// <summary>Each slide's row as the grid and the draw left it: name, counts, role, split, status.</summary>
    private static List<string> SlideRows(TestDatabase catalog)
    {
        using var db = catalog.Open();
        return db.RunSlides.AsNoTracking().AsEnumerable().OrderBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => $"{s.Name} {s.Width}x{s.Height} tissue {s.TissueCells} tumor {s.TumorCells} {s.Role} {s.Split} {s.Status}").ToList();
    }

    private static async Task GridEachAsync(TestDatabase catalog, ExtractionOptions options, IEnumerable<string> slides)
    {
        var stages = new ExtractionStages(catalog.Factory, TimeProvider.System);
        foreach (var slide in slides) await stages.GridSlideAsync(options, slide, CancellationToken.None);
    }

    [Fact]
    public async Task APlanBeforeEverySlideHasItsGridNamesTheSlideWithout()
    {
        using var catalog = new TestDatabase();
        var options = Options("partial");
        var stages = new ExtractionStages(catalog.Factory, TimeProvider.System);
        var begun = await stages.BeginAsync(options, CancellationToken.None);
        await stages.GridSlideAsync(options, begun.Slides[0], CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => stages.PlanAsync(options, CancellationToken.None));

        Assert.Contains($"slide {begun.Slides[1]} has no grid yet; its grid step must run first", error.Message);
        using var db = catalog.Open();
        Assert.Equal(RunStatus.Failed, db.ExtractionRuns.Single().Status);
    }

    [Fact]
    public async Task ASlideWhoseGridFailsIsSavedFailedAndLeftOutOfThePlan()
    {
        var folder = dataset.CopyTo(Path.Combine(_work, "damaged"));
        var broken = dataset.Slides.First(s => s.HasTumor).Name;
        await File.WriteAllTextAsync(Path.Combine(folder, broken + ".tif"), "not a slide");
        using var catalog = new TestDatabase();
        var options = Options("damaged-run") with { DatasetDirectory = folder };
        var stages = new ExtractionStages(catalog.Factory, TimeProvider.System);
        var begun = await stages.BeginAsync(options, CancellationToken.None);
        foreach (var slide in begun.Slides) await stages.GridSlideAsync(options, slide, CancellationToken.None);

        var planned = await stages.PlanAsync(options, CancellationToken.None);

        Assert.DoesNotContain(broken, planned.Slides);
        Assert.NotEmpty(planned.Slides);
        Assert.False(File.Exists(SlideCellsFile.PathIn(planned.OutputDirectory, broken)));
        using var db = catalog.Open();
        var row = db.RunSlides.Single(s => s.Name == broken);
        Assert.Equal(SlideStatus.Failed, row.Status);
        Assert.Contains(broken, row.Error);
    }

    private static async Task ExtractEachAsync(TestDatabase catalog, ExtractionOptions options, IEnumerable<string> slides)
    {
        var stages = new ExtractionStages(catalog.Factory, TimeProvider.System);
        foreach (var slide in slides) await stages.ExtractSlideAsync(options, slide, null, CancellationToken.None);
    }

    [Fact]
    public async Task EachSlideWritesItsOwnLaneOfThePack()
    {
        using var catalog = new TestDatabase();
        var options = Options("lanes");
        var stages = new ExtractionStages(catalog.Factory, TimeProvider.System);
        var planned = await stages.BeginAndPlanAsync(options, null, CancellationToken.None);
        foreach (var slide in planned.Slides) await stages.ExtractSlideAsync(options, slide, null, CancellationToken.None);

        using var db = catalog.Open();
        var lanes = db.Patches.Include(p => p.RunSlide).AsNoTracking().AsEnumerable()
            .GroupBy(p => p.RunSlide!.Name).ToDictionary(g => g.Key, g => g.Select(p => p.Shard / PatchPackFiles.LaneSpan).Distinct().Single());
        Assert.Equal(planned.Slides.Where(lanes.ContainsKey).Select(s => 1 + planned.Slides.ToList().IndexOf(s)), planned.Slides.Where(lanes.ContainsKey).Select(s => lanes[s]));
    }

    [Fact]
    public async Task ASlideStepRunAgainOrAfterACancelAddsNoDuplicate()
    {
        using var catalog = new TestDatabase();
        var options = Options("again");
        var stages = new ExtractionStages(catalog.Factory, TimeProvider.System);
        var planned = await stages.BeginAndPlanAsync(options, null, CancellationToken.None);
        var slide = planned.Slides.First(s => s.StartsWith("tumor", StringComparison.Ordinal));

        using var cancel = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            stages.ExtractSlideAsync(options, slide, new CancelAfterFirstReport(cancel), cancel.Token));
        using (var db = catalog.Open())
            Assert.Equal(RunStatus.Cancelled, db.ExtractionRuns.Single().Status);
        var written = await stages.ExtractSlideAsync(options, slide, null, CancellationToken.None);
        var again = await stages.ExtractSlideAsync(options, slide, null, CancellationToken.None);

        Assert.True(written > 0);
        Assert.Equal(0, again);
        using (var db = catalog.Open())
        {
            var cells = db.Patches.Where(p => p.RunSlide!.Name == slide).Select(p => new { p.X, p.Y }).ToList();
            Assert.Equal(cells.Count, cells.Distinct().Count());
            Assert.Equal(SamplingPlanFile.Read(planned.OutputDirectory).Slides[slide].Count, cells.Count);
            Assert.Equal(RunStatus.Running, db.ExtractionRuns.Single().Status);
        }
    }

    [Fact]
    public async Task ASlideStepBeforeThePlanSaysThePlanMustRunFirst()
    {
        using var catalog = new TestDatabase();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new ExtractionStages(catalog.Factory, TimeProvider.System).ExtractSlideAsync(Options("none"), "tumor_001", null, CancellationToken.None));
        Assert.Contains("sampling-plan.json: the run has no sampling plan yet", error.Message);
    }

    /// <summary>Cancels as soon as the first batch is reported, so the slide stops half done.</summary>
    private sealed class CancelAfterFirstReport(CancellationTokenSource cancel) : IProgress<TumorWeb.Pipeline.Progress.StageProgress>
    {
        public void Report(TumorWeb.Pipeline.Progress.StageProgress value)
        {
            if (value.Done > 0) cancel.Cancel();
        }
    }
}
