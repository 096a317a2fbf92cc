using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Extraction.Store;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Pipeline.Mining;
using TumorWeb.Pipeline.Slides;
using TumorWeb.Pipeline.Tests.Inference;
using TumorWeb.Pipeline.Training;

namespace TumorWeb.Pipeline.Tests.Mining;

[Collection(MiningCollection.Name)]
public sealed class HardNegativeMinerTests(MiningFixture fixture)
{
    private const int Top = 7;

    /// <summary>Known scores: a patch's score is the first four bytes of its SHA-256, so every cell has its own, reproducible one.</summary>
    private static float HashScore(ReadOnlySpan<byte> patch) => BitConverter.ToUInt32(SHA256.HashData(patch), 0) / (float)uint.MaxValue;

    private Task<MiningReport> Mine(string output, int top = Top, IReadOnlyDictionary<string, DrawnAnnotations>? drawn = null) =>
        new HardNegativeMiner(fixture.Database.Factory, TimeProvider.System).RunAsync(
            new MiningOptions
            {
                PatchesDirectory = fixture.PatchesDirectory, ModelPath = "hash.json", ModelDescription = "hash", Top = top, OutputDirectory = output,
                DrawnAnnotations = drawn,
            },
            new RecordingClassifier(299, HashScore), null, default);

    private static byte[] ReadPatch(string slidePath, int x, int y)
    {
        using var slide = OpenSlideSlide.Open(slidePath);
        var rect = AnalysisGrid.ContextPatch(x, y, 128, 299);
        var pixels = new byte[299 * 299 * 3];
        slide.ReadRegion(new RegionRequest(0, rect.X, rect.Y, rect.Width, rect.Height), pixels);
        return pixels;
    }

    [Fact]
    public async Task DerivedRunHasTheOriginalPatchesPlusTheKHighestScoringUnsampledNormalCellsOfTrainingSlides()
    {
        var report = await Mine(fixture.NewOutput());

        using var db = fixture.Database.Open();
        var source = db.ExtractionRuns.Include(r => r.Slides).Single(r => r.OutputDirectory == Path.GetFullPath(fixture.PatchesDirectory));
        var derived = db.ExtractionRuns.Include(r => r.Slides).Single(r => r.Id == report.RunId);
        Assert.Equal((source.Id, RunStatus.Completed, "hard negatives: top 7 from model hash"), (derived.DerivedFromRunId, derived.Status, derived.Derivation));
        Assert.Equal(source.Slides.Select(s => (s.Name, s.Split)).Order(), derived.Slides.Select(s => (s.Name, s.Split)).Order());
        Assert.Contains(source.Slides, s => s.Split != DataSplit.Train && s.NormalCells > 0);

        var sourcePatches = db.Patches.Where(p => p.ExtractionRunId == source.Id).Include(p => p.RunSlide).OrderBy(p => p.Id).ToList();
        var derivedPatches = db.Patches.Where(p => p.ExtractionRunId == derived.Id).Include(p => p.RunSlide).OrderBy(p => p.Id).ToList();
        Assert.Equal(sourcePatches.Count + Top, derivedPatches.Count);
        Assert.Equal((sourcePatches.Count, sourcePatches.Count + Top), (report.OriginalPatches, report.Patches));
        var key = (Patch p) => (p.RunSlide!.Name, p.X, p.Y, p.Label, p.Split, p.Shard, p.Offset, p.Length);
        Assert.Equal(sourcePatches.Select(key), derivedPatches.Take(sourcePatches.Count).Select(key));

        // What the miner should have picked, worked out here from the slides: every normal cell of a
        // training slide not sampled yet, scored by the same hash, best first.
        var sampled = sourcePatches.Select(p => (p.RunSlide!.Name, p.X, p.Y)).ToHashSet();
        var expected = new List<ScoredCell>();
        foreach (var slide in source.Slides.Where(s => s.Split == DataSplit.Train))
        {
            var grid = SlideGridFiles.Build(slide.SlidePath, slide.MaskPath, slide.AnnotationPath, fixture.Grid, null, default);
            foreach (var (x, y) in grid.Normal.Cells().Where(c => !sampled.Contains((slide.Name, c.X, c.Y))))
                expected.Add(new ScoredCell(slide.Name, x, y, HashScore(ReadPatch(slide.SlidePath, x, y))));
        }
        Assert.Equal(expected.Count, report.Candidates);
        expected.Sort(HardNegativeSelection.Compare);
        Assert.Equal(expected.Take(Top), report.Mined);

        var mined = derivedPatches.Skip(sourcePatches.Count).ToList();
        Assert.Equal(expected.Take(Top).Select(c => (c.Slide, c.X, c.Y)).Order(), mined.Select(p => (p.RunSlide!.Name, p.X, p.Y)).Order());
        Assert.All(mined, p => Assert.Equal((PatchLabel.Normal, DataSplit.Train, DataSplit.Train), (p.Label, p.Split, p.RunSlide!.Split)));
        Assert.DoesNotContain(mined, p => sampled.Contains((p.RunSlide!.Name, p.X, p.Y)));
        Assert.Equal(derived.Slides.Sum(s => s.NormalExtracted), source.Slides.Sum(s => s.NormalExtracted) + Top);

        // Both the linked original patches and the mined ones read back from the derived run's own folder.
        using var reader = new PatchPackReader(derived.OutputDirectory);
        foreach (var patch in mined)
            Assert.Equal(ReadPatch(patch.RunSlide!.SlidePath, patch.X, patch.Y), reader.Read(new PatchLocation(patch.Shard, patch.Offset, patch.Length)).Pixels);
        using var sourceReader = new PatchPackReader(source.OutputDirectory);
        var first = sourcePatches[0];
        var location = new PatchLocation(first.Shard, first.Offset, first.Length);
        Assert.Equal(sourceReader.Read(location).Pixels, reader.Read(location).Pixels);
        Assert.True(report.PacksLinked);
    }

    [Fact]
    public async Task FinishedDerivedRunIsNotOverwrittenAndTheSourceFolderIsRefused()
    {
        var output = fixture.NewOutput();
        await Mine(output, top: 2);
        Assert.Contains("holds completed derived run", (await Assert.ThrowsAsync<ArgumentException>(() => Mine(output, top: 2))).Message);
        Assert.Contains("its own folder", (await Assert.ThrowsAsync<ArgumentException>(() => Mine(fixture.PatchesDirectory))).Message);
    }

    [Fact]
    public async Task ARunCutByMicronsIsRefused()
    {
        await SetSourcePatchMicrons(150);
        try
        {
            var error = await Assert.ThrowsAsync<ArgumentException>(() => Mine(fixture.NewOutput()));
            Assert.Contains("was cut by microns", error.Message);
        }
        finally
        {
            await SetSourcePatchMicrons(null);
        }
    }

    [Fact]
    public async Task ASlideExtractedWithDrawnRegionsIsMinedAgainstThemAndRefusedWithoutThemOrOnceTheyChanged()
    {
        // The top half of the slide drawn as tumour: grid rows 0 to 7 of its 128-pixel cells.
        var topHalf = new DrawnAnnotations(new SlideAnnotations([new Polygon([new(0, 0), new(2048, 0), new(2048, 1024), new(0, 1024)])], []));
        var edited = new DrawnAnnotations(new SlideAnnotations([new Polygon([new(0, 0), new(2048, 0), new(2048, 1152), new(0, 1152)])], []));
        var (sourceId, slide) = TrainingSlideWithNormalTissueAtTheTop();
        await SetAnnotationsHash(slide.Name, topHalf.Hash);
        try
        {
            var cli = await Assert.ThrowsAsync<ArgumentException>(() => Mine(fixture.NewOutput()));
            Assert.Contains($"extraction run {sourceId} took the ground truth of slide {slide.Name} from regions drawn in the app", cli.Message);
            Assert.Contains("not the CLI", cli.Message);
            var changed = await Assert.ThrowsAsync<ArgumentException>(() => Mine(fixture.NewOutput(), drawn: new Dictionary<string, DrawnAnnotations> { [slide.Name] = edited }));
            Assert.Contains($"the ground truth of slide {slide.Name} changed since extraction run {sourceId} " +
                            $"(drawn annotations {topHalf.Hash} then, {edited.Hash} now)", changed.Message);
            var dropped = await Assert.ThrowsAsync<ArgumentException>(() => Mine(fixture.NewOutput(), drawn: new Dictionary<string, DrawnAnnotations>()));
            Assert.Contains($"(drawn annotations {topHalf.Hash} then, not used now)", dropped.Message);

            var report = await Mine(fixture.NewOutput(), top: MiningOptions.MaxTop, drawn: new Dictionary<string, DrawnAnnotations> { [slide.Name] = topHalf });

            using var db = fixture.Database.Open();
            var sampled = db.Patches.Where(p => p.RunSlideId == slide.Id).Select(p => new { p.X, p.Y }).AsEnumerable().Select(p => (p.X, p.Y)).ToHashSet();
            var expected = SlideGridFiles.Build(slide.SlidePath, topHalf, fixture.Grid, null, default).Normal.Cells().Where(c => !sampled.Contains(c)).Order();
            var mined = report.Mined.Where(c => c.Slide == slide.Name).Select(c => (c.X, c.Y)).Order().ToList();
            Assert.Equal(expected, mined);
            Assert.DoesNotContain(mined, c => c.Y < 8);
            var derived = db.RunSlides.Where(s => s.ExtractionRunId == report.RunId).ToList();
            Assert.Equal(topHalf.Hash, derived.Single(s => s.Name == slide.Name).AnnotationsHash);
            Assert.All(derived.Where(s => s.Name != slide.Name), s => Assert.Null(s.AnnotationsHash));
        }
        finally
        {
            await SetAnnotationsHash(slide.Name, null);
        }
    }

    /// <summary>A training slide of the source with unsampled normal cells (by its files) in its top half, so drawing that half as tumour must change what is mined.</summary>
    private (int SourceId, RunSlide Slide) TrainingSlideWithNormalTissueAtTheTop()
    {
        using var db = fixture.Database.Open();
        var source = db.ExtractionRuns.Include(r => r.Slides).Single(r => r.OutputDirectory == Path.GetFullPath(fixture.PatchesDirectory));
        var slide = source.Slides.Where(s => s.Split == DataSplit.Train).OrderBy(s => s.Name, StringComparer.Ordinal)
            .First(s => SlideGridFiles.Build(s.SlidePath, s.MaskPath, s.AnnotationPath, fixture.Grid, null, default).Normal.Cells().Count(c => c.Y < 8) > 5);
        return (source.Id, slide);
    }

    private async Task SetAnnotationsHash(string slide, string? hash)
    {
        using var db = fixture.Database.Open();
        var source = db.ExtractionRuns.Single(r => r.OutputDirectory == Path.GetFullPath(fixture.PatchesDirectory));
        await db.RunSlides.Where(s => s.ExtractionRunId == source.Id && s.Name == slide).ExecuteUpdateAsync(u => u.SetProperty(s => s.AnnotationsHash, hash));
    }

    private async Task SetSourcePatchMicrons(double? microns)
    {
        using var db = fixture.Database.Open();
        var source = db.ExtractionRuns.Single(r => r.OutputDirectory == Path.GetFullPath(fixture.PatchesDirectory));
        source.PatchMicrons = microns;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task TrainingOnTheDerivedRunIsAnOrdinaryTrainingRun()
    {
        var report = await Mine(fixture.NewOutput(), top: 5);
        var training = await new TrainingRunner(fixture.Database.Factory, TimeProvider.System).RunAsync(new TrainingOptions
        {
            PatchesDirectory = report.OutputDirectory, OutputDirectory = Path.Combine(report.OutputDirectory, "training"),
            Epochs = 1, BatchSize = 8, MaxStepsPerEpoch = 2, Seed = 1,
        }, null, default);

        Assert.Equal(RunStatus.Completed, training.Status);
        using var db = fixture.Database.Open();
        Assert.Equal(report.RunId, db.TrainingRuns.Single(r => r.Id == training.RunId).ExtractionRunId);
    }
}
