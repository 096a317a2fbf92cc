using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Extraction.Store;
using TumorWeb.Pipeline.Grid;
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

    private Task<MiningReport> Mine(string output, int top = Top) =>
        new HardNegativeMiner(fixture.Database.Factory, TimeProvider.System).RunAsync(
            new MiningOptions { PatchesDirectory = fixture.PatchesDirectory, ModelPath = "hash.json", ModelDescription = "hash", Top = top, OutputDirectory = output },
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
