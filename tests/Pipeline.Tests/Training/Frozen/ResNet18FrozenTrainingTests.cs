using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Evaluation;
using TumorWeb.Pipeline.FeatureVectors;
using TumorWeb.Pipeline.Training;
using TumorWeb.Pipeline.Training.Models;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Tests.Training.Frozen;

/// <summary>
/// resnet18-frozen: the shipped ONNX ResNet18 runs once per patch into the extraction's feature
/// cache, and only the seed's head trains on those rows.
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class ResNet18FrozenTrainingTests(TrainingExtractionFixture fixture)
{
    private static Task<(TrainingReport Report, SyncProgress Progress, DateTime CacheWritten)>? _first;

    private string CacheFile => Path.Combine(fixture.PatchesDirectory, "features", "resnet18.f32");

    // The seed's rate, 2e-5, needs hundreds of steps; a few dozen patches learn in a few epochs at 1e-3.
    private TrainingOptions Options(int epochs = 3) => new()
    {
        PatchesDirectory = fixture.PatchesDirectory, OutputDirectory = fixture.NewOutputDirectory(), Preset = ModelPreset.ResNet18Frozen,
        Epochs = epochs, BatchSize = 16, LearningRate = 1e-3, Seed = 4, MetricEvery = 2,
    };

    /// <summary>The first resnet18-frozen run of the test session, on an extraction without a feature cache.</summary>
    private Task<(TrainingReport, SyncProgress, DateTime)> FirstRun() => _first ??= FirstRunAsync();

    private async Task<(TrainingReport, SyncProgress, DateTime)> FirstRunAsync()
    {
        var features = Path.Combine(fixture.PatchesDirectory, "features");
        if (Directory.Exists(features)) Directory.Delete(features, recursive: true);
        var progress = new SyncProgress();
        var report = await FrozenRuns.Runner(fixture).RunAsync(Options(), progress, default);
        return (report, progress, File.GetLastWriteTimeUtc(CacheFile));
    }

    [Fact]
    public async Task HeadOnCachedFeaturesBeatsChanceOnTheHeldOutSlide()
    {
        var (report, progress, _) = await FirstRun();

        Assert.Equal(RunStatus.Completed, report.Status);
        Assert.Equal([1, 2, 3], report.Metrics.Select(m => m.Epoch));
        var last = report.Metrics[^1];
        Assert.True(last.ValAccuracy > 0.8 && last.ValAuc > 0.9, string.Join("\n", report.Metrics));
        Assert.True(last.Loss < report.Metrics[0].Loss, string.Join("\n", report.Metrics));
        var steps = progress.Reports.Where(p => p.Event == TrainingEvent.Step).ToList();
        Assert.Equal(Enumerable.Range(1, steps.Count).Select(s => (long)s), steps.Select(p => p.Step));
        Assert.All(steps, p => Assert.True(p.ImagesPerSecond > 0 && p.Eta is not null));
        Assert.Equal(3, progress.Reports.Count(p => p.Event == TrainingEvent.EpochEnd));
        using var db = fixture.Database.Open();
        var run = db.TrainingRuns.Single(r => r.Id == report.RunId);
        Assert.Equal("resnet18-frozen", run.Preset);
        var metrics = db.TrainingMetrics.Where(m => m.TrainingRunId == report.RunId).ToList();
        Assert.Equal([1, 2, 3], metrics.Where(m => m.Phase == TrainingPhase.Validation).Select(m => m.Epoch).Order());
        Assert.All(metrics.Where(m => m.Phase == TrainingPhase.Validation), m => Assert.NotNull(m.Auc));
        Assert.Equal([1, 2, 3], Enumerable.Range(1, 3).Where(e => File.Exists(Checkpoints.EpochPath(report.OutputDirectory, e))));
    }

    [Fact]
    public async Task FeaturesAreComputedOnceAndReusedByTheNextRun()
    {
        var (first, progress, written) = await FirstRun();
        var patches = fixture.TrainIds.Count + fixture.ValidationIds.Count;
        Assert.Contains(FrozenRuns.Notes(progress), n => n.StartsWith($"computed the features of {patches} of {patches} patches once"));
        Assert.Equal(patches * ResNet18Features.Dimension * 4L, new FileInfo(CacheFile).Length);

        var again = new SyncProgress();
        var second = await FrozenRuns.Runner(fixture).RunAsync(Options(epochs: 1), again, default);

        Assert.Contains(FrozenRuns.Notes(again), n => n == $"reused the cached features of {patches} patches: {CacheFile}");
        Assert.DoesNotContain(FrozenRuns.Notes(again), n => n.StartsWith("computed"));
        Assert.Equal(written, File.GetLastWriteTimeUtc(CacheFile));
        // Same seed, same features: the second run's first epoch is the first run's.
        Assert.Equal(first.Metrics[0], second.Metrics[0]);
    }

    [Fact]
    public async Task CheckpointScoresPatchesThroughResNet18AndTheHead()
    {
        var (report, _, _) = await FirstRun();
        var patches = await FrozenRuns.ValidationPatchesAsync(fixture);
        var rgb = FrozenRuns.Pixels(fixture, patches);

        using var classifier = PatchClassifiers.Load(report.Checkpoint!, maxBatch: 7);
        var scores = classifier.Score(rgb, patches.Count);

        Assert.Equal($"resnet18-frozen {Path.GetFileName(report.Checkpoint)}", classifier.Name);
        Assert.Equal(299, classifier.PatchSize);
        // The head in eval mode on the cached rows: scoring recomputes the features from the pixels.
        var cached = await FeatureCache.BuildAsync(fixture.Database.Factory, fixture.PatchesDirectory, null, default);
        var rowOf = Enumerable.Range(0, cached.Count).ToDictionary(i => cached.Patches[i].Id);
        using var head = new SeedHead(ResNet18Features.Dimension);
        Checkpoints.Load(report.Checkpoint!, head);
        head.eval();
        using (no_grad())
        using (var rows = tensor(cached.Read(patches.Select(p => rowOf[p.Id]).ToArray()), [patches.Count, ResNet18Features.Dimension]))
        using (var expected = head.call(rows).view(-1).sigmoid())
        {
            var want = expected.data<float>().ToArray();
            for (var i = 0; i < scores.Length; i++) Assert.Equal(want[i], scores[i], 1e-4f);
        }
        var auc = Roc.Curve(scores, patches.Select(p => p.IsTumor).ToList()).Auc;
        Assert.True(auc > 0.9, $"AUC {auc}");
    }

    [Fact]
    public async Task AugmentationIsRefusedBeforeARunIsCreated()
    {
        using var before = fixture.Database.Open();
        var runs = before.TrainingRuns.Count();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => FrozenRuns.Runner(fixture).RunAsync(Options() with { Augment = true }, null, default));

        Assert.StartsWith("resnet18-frozen: augmentation cannot apply to features cached once per patch", error.Message);
        using var after = fixture.Database.Open();
        Assert.Equal(runs, after.TrainingRuns.Count());
    }

    [Fact]
    public async Task StainNormalisedFeaturesGoToACacheOfTheirOwn()
    {
        await FirstRun();
        var raw = File.GetLastWriteTimeUtc(CacheFile);
        var progress = new SyncProgress();

        var report = await FrozenRuns.Runner(fixture).RunAsync(Options(epochs: 1) with { StainNormalize = Pipeline.Stain.StainMethod.Macenko }, progress, default);

        Assert.Equal(RunStatus.Completed, report.Status);
        var patches = fixture.TrainIds.Count + fixture.ValidationIds.Count;
        var note = Assert.Single(FrozenRuns.Notes(progress), n => n.StartsWith($"computed the features of {patches} of {patches} patches once"));
        Assert.Contains(Path.Combine(fixture.PatchesDirectory, "features", "resnet18-macenko-"), note);
        Assert.Equal(raw, File.GetLastWriteTimeUtc(CacheFile));
        Assert.Equal("macenko", Checkpoints.ReadHeader(report.Checkpoint!).Stain!.Normalize);
    }

    [Fact]
    public async Task CancelWithinAnEpochThenResumeEqualsAnUninterruptedRun()
    {
        await FirstRun();
        var options = Options(epochs: 2) with { MetricEvery = 1 };
        var uninterrupted = await FrozenRuns.Runner(fixture).RunAsync(options, null, default);
        using var cts = new CancellationTokenSource();
        var stopAt = new SyncProgress(p => { if (p.Event == TrainingEvent.Step && p.Step == 3) cts.Cancel(); });
        var interrupted = options with { OutputDirectory = fixture.NewOutputDirectory() };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FrozenRuns.Runner(fixture).RunAsync(interrupted, stopAt, cts.Token));
        int runId;
        using (var db = fixture.Database.Open())
            runId = db.TrainingRuns.Single(r => r.OutputDirectory == interrupted.OutputDirectory).Id;

        var resumed = await FrozenRuns.Runner(fixture).ResumeAsync(runId, null, null, default);

        Assert.Equal(RunStatus.Completed, resumed.Status);
        Assert.Equal(Curve(uninterrupted.RunId), Curve(runId));
        Assert.Equal(HeadWeights(uninterrupted.Checkpoint!), HeadWeights(resumed.Checkpoint!));
        Assert.Equal(uninterrupted.Metrics, resumed.Metrics);
    }

    private List<(TrainingPhase, int, long, double, double, double?)> Curve(int runId)
    {
        using var db = fixture.Database.Open();
        return db.TrainingMetrics.Where(m => m.TrainingRunId == runId).AsEnumerable()
            .OrderBy(m => m.Step).ThenBy(m => m.Phase).Select(m => (m.Phase, m.Epoch, m.Step, m.Loss, m.Accuracy, m.Auc)).ToList();
    }

    private static Dictionary<string, float[]> HeadWeights(string checkpoint)
    {
        using var head = new SeedHead(ResNet18Features.Dimension);
        Checkpoints.Load(checkpoint, head);
        return head.state_dict().ToDictionary(e => e.Key, e => e.Value.data<float>().ToArray());
    }
}
