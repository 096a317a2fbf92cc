using Microsoft.EntityFrameworkCore;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Extraction.Store;
using TumorWeb.Pipeline.FeatureVectors;
using TumorWeb.Pipeline.Progress;
using TumorWeb.Pipeline.Tests.Grid;

namespace TumorWeb.Pipeline.Tests.FeatureVectors.Cache;

[Collection(FeatureCollection.Name)]
public sealed class FeatureCacheTests(FeatureFixture fixture) : IDisposable
{
    private const int Dimension = ResNet18Features.Dimension;
    private readonly ExtractedDataset extraction = fixture.SeedSampling;
    private readonly string _work = Directory.CreateTempSubdirectory("tumorweb-features-test-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void RowsAreTheFeaturesOfEachCataloguedPatchInIdOrder()
    {
        var reference = extraction.Reference;
        using var db = extraction.Database.Open();
        var catalog = db.Patches.OrderBy(p => p.Id).ToList();
        Assert.Equal(catalog.Select(p => (p.Id, p.Label, p.Split)), reference.Patches.Select(p => (p.Id, p.Label, p.Split)));
        Assert.Equal(catalog.Count, reference.ComputedNow);
        Assert.Equal(catalog.Count * Dimension * 4L, new FileInfo(reference.Path).Length);
        using var reader = new PatchPackReader(extraction.ExtractionDirectory);
        foreach (var index in new[] { 0, catalog.Count / 2, catalog.Count - 1 })
        {
            var p = catalog[index];
            var pixels = reader.Read(new PatchLocation(p.Shard, p.Offset, p.Length)).Pixels;
            var expected = fixture.Model.Extract(pixels, 1, 299);
            var cached = reference.Read(index);
            for (var j = 0; j < Dimension; j++) Assert.Equal(expected[j], cached[j], 1e-4f);
        }
    }

    [Fact]
    public async Task SecondBuildComputesNothingAndLeavesTheFilesAlone()
    {
        var written = File.GetLastWriteTimeUtc(extraction.Reference.Path);
        var progress = new RecordingProgress();
        var again = await FeatureCache.BuildAsync(extraction.Database.Factory, extraction.ExtractionDirectory, progress, default);
        Assert.Equal(0, again.ComputedNow);
        Assert.Equal(written, File.GetLastWriteTimeUtc(again.Path));
        var report = Assert.Single(progress.Reports);
        Assert.Equal(new StageProgress("features", extraction.Reference.Count, extraction.Reference.Count, "reused"), report);
        Assert.Equal(extraction.ReferenceRows, again.Read(Enumerable.Range(0, again.Count).ToArray()));
    }

    [Fact]
    public async Task AChangedPatchIsRecomputedWithEveryRowAfterIt()
    {
        var (copy, dir) = extraction.Copy(Path.Combine(_work, "changed"), withFeatures: true);
        using var _ = copy;
        var count = extraction.Reference.Count;
        var changed = count / 2;
        await using (var db = copy.Open())
        {
            // Point a middle patch at the first patch's pixels, as a catalog rebuilt differently would.
            var patches = await db.Patches.OrderBy(p => p.Id).ToListAsync();
            (patches[changed].Shard, patches[changed].Offset, patches[changed].Length) = (patches[0].Shard, patches[0].Offset, patches[0].Length);
            await db.SaveChangesAsync();
        }
        var rebuilt = await new FeatureCache(copy.Factory, fixture.Model).BuildAsync(dir, null, default);
        Assert.Equal(count - changed, rebuilt.ComputedNow);
        AssertRowsNear(extraction.ReferenceRow(0), rebuilt.Read(changed));
        AssertRowsNear(extraction.ReferenceRows[((changed + 1) * Dimension)..], rebuilt.Read(Enumerable.Range(changed + 1, count - changed - 1).ToArray()));
        Assert.Equal(extraction.ReferenceRows[..(changed * Dimension)], rebuilt.Read(Enumerable.Range(0, changed).ToArray()));
    }

    [Fact]
    public async Task PatchesRemovedFromTheEndOfTheCatalogShrinkTheCacheWithoutComputing()
    {
        var (copy, dir) = extraction.Copy(Path.Combine(_work, "shrunk"), withFeatures: true);
        using var _ = copy;
        var count = extraction.Reference.Count;
        await using (var db = copy.Open())
        {
            var last = await db.Patches.OrderByDescending(p => p.Id).Take(3).ToListAsync();
            db.Patches.RemoveRange(last);
            await db.SaveChangesAsync();
        }
        var rebuilt = await new FeatureCache(copy.Factory, fixture.Model).BuildAsync(dir, null, default);
        Assert.Equal(0, rebuilt.ComputedNow);
        Assert.Equal(count - 3, rebuilt.Count);
        Assert.Equal((count - 3) * Dimension * 4L, new FileInfo(rebuilt.Path).Length);
        var again = await new FeatureCache(copy.Factory, fixture.Model).BuildAsync(dir, null, default);
        Assert.Equal(0, again.ComputedNow);
    }

    [Fact]
    public async Task AStoppedBuildResumesWhereItStopped()
    {
        var (copy, dir) = extraction.Copy(Path.Combine(_work, "stopped"));
        using var _ = copy;
        var options = new FeatureCacheOptions { ChunkSize = 8, ProgressInterval = TimeSpan.Zero };
        using var cts = new CancellationTokenSource();
        var stopAfterFirstChunk = new SyncProgress(p => { if (p.Done >= 8) cts.Cancel(); });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new FeatureCache(copy.Factory, fixture.Model, options).BuildAsync(dir, stopAfterFirstChunk, cts.Token));
        var rowsKept = new FileInfo(Path.Combine(dir, "features", "resnet18.f32")).Length / (Dimension * 4);
        Assert.Equal(8, rowsKept);

        var resumed = await new FeatureCache(copy.Factory, fixture.Model, options).BuildAsync(dir, null, default);
        Assert.Equal(extraction.Reference.Count - 8, resumed.ComputedNow);
        AssertRowsNear(extraction.ReferenceRows, resumed.Read(Enumerable.Range(0, resumed.Count).ToArray()));
    }

    [Fact]
    public async Task FeaturesOfOtherModelsAreRecomputed()
    {
        var (copy, dir) = extraction.Copy(Path.Combine(_work, "other-model"), withFeatures: true);
        using var _ = copy;
        var header = Path.Combine(dir, "features", "resnet18.json");
        File.WriteAllText(header, File.ReadAllText(header).Replace(fixture.Model.ModelHash, new string('0', 64)));
        var rebuilt = await new FeatureCache(copy.Factory, fixture.Model).BuildAsync(dir, null, default);
        Assert.Equal(extraction.Reference.Count, rebuilt.ComputedNow);
        AssertRowsNear(extraction.ReferenceRows, rebuilt.Read(Enumerable.Range(0, rebuilt.Count).ToArray()));
    }

    [Fact]
    public async Task AFolderNoRunWroteToIsRefused()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new FeatureCache(extraction.Database.Factory, fixture.Model).BuildAsync(_work, null, default));
        Assert.Equal($"{_work}: no extraction run in the catalog wrote to this folder", e.Message);
    }

    [Fact]
    public async Task ABuildWhileAnotherRunsIsRefused()
    {
        var lockPath = Path.Combine(extraction.ExtractionDirectory, "features", "resnet18.lock");
        await using (new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var e = await Assert.ThrowsAsync<IOException>(() =>
                new FeatureCache(extraction.Database.Factory, fixture.Model).BuildAsync(extraction.ExtractionDirectory, null, default));
            Assert.Equal($"{Path.Combine(extraction.ExtractionDirectory, "features")}: another build of this feature cache is running", e.Message);
        }
        Assert.Equal(0, (await new FeatureCache(extraction.Database.Factory, fixture.Model).BuildAsync(extraction.ExtractionDirectory, null, default)).ComputedNow);
    }

    [Fact]
    public void SplitsComeWithTheirLabels()
    {
        var reference = extraction.Reference;
        var (features, labels) = reference.ForSplit(DataSplit.Train);
        var train = reference.IndicesOf(DataSplit.Train);
        Assert.NotEmpty(train);
        Assert.Equal(train.Length * Dimension, features.Length);
        Assert.Equal(train.Select(i => reference.Patches[i].Label == PatchLabel.Tumor ? 1f : 0f), labels);
        Assert.Equal(reference.Read(train[^1]), features[^Dimension..]);
    }

    [Fact]
    public void ReadingPastTheLastRowIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => extraction.Reference.Read(extraction.Reference.Count));

    private static void AssertRowsNear(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-4f);
    }

    private sealed class SyncProgress(Action<StageProgress> report) : IProgress<StageProgress>
    {
        public void Report(StageProgress value) => report(value);
    }
}
