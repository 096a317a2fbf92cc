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

        var planned = await new ExtractionStages(shared.Factory, TimeProvider.System).PlanAsync(options, null, CancellationToken.None);
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
        var planned = await stages.PlanAsync(options, null, CancellationToken.None);
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
        var planned = await stages.PlanAsync(options, null, CancellationToken.None);
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
