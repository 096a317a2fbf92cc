using Microsoft.EntityFrameworkCore;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Training;

namespace TumorWeb.Pipeline.Tests.Training;

[Collection(TrainingCollection.Name)]
public sealed class TrainingRunnerTests(TrainingExtractionFixture fixture)
{
    private TrainingRunner Runner() => new(fixture.Database.Factory, TimeProvider.System);

    [Fact]
    public async Task TinyModelLearnsTheSyntheticSlides()
    {
        var progress = new SyncProgress();
        var report = await Runner().RunAsync(new TrainingOptions
        {
            PatchesDirectory = fixture.PatchesDirectory, OutputDirectory = fixture.NewOutputDirectory(), Epochs = 4, BatchSize = 16, Seed = 1,
        }, progress, default);

        Assert.Equal(RunStatus.Completed, report.Status);
        Assert.Equal([1, 2, 3, 4], report.Metrics.Select(m => m.Epoch));
        var (first, last) = (report.Metrics[0], report.Metrics[^1]);
        Assert.True(last.Loss < first.Loss && last.ValLoss < first.ValLoss && last.ValAuc > 0.9, string.Join("\n", report.Metrics));
        Assert.True(File.Exists(report.Checkpoint));
        // Three tumor slides and the normal one train; the fourth tumor slide validates.
        Assert.Equal(4, Checkpoints.ReadHeader(report.Checkpoint!).TrainingSlides.Count);
        Assert.Equal(16, progress.Reports.Count(p => p.Event == TrainingEvent.Step));
        Assert.Equal(Enumerable.Range(1, 16).Select(s => (long)s), progress.Reports.Where(p => p.Event == TrainingEvent.Step).Select(p => p.Step));
        Assert.All(progress.Reports.Where(p => p.Event == TrainingEvent.Step), p => Assert.True(p.ImagesPerSecond > 0 && p.Eta is not null));
        using var db = fixture.Database.Open();
        var run = db.TrainingRuns.Include(r => r.Metrics).Single(r => r.Id == report.RunId);
        Assert.Equal("tiny", run.Preset);
        Assert.Contains("\"batchSize\":16", run.Hyperparameters);
        // 4 steps an epoch: a train row at step 4 of each epoch (and every 10th step), one validation row per epoch.
        Assert.Equal([4L, 8, 10, 12, 16], run.Metrics.Where(m => m.Phase == TrainingPhase.Train).Select(m => m.Step).Order());
        Assert.Equal([4L, 8, 12, 16], run.Metrics.Where(m => m.Phase == TrainingPhase.Validation).Select(m => m.Step).Order());
    }

    [Fact]
    public async Task EmptyValidationSplitIsReportedAndSkipped()
    {
        await using (var db = fixture.Database.Open())
            await db.Patches.Where(p => p.Split == DataSplit.Validation).ExecuteUpdateAsync(s => s.SetProperty(p => p.Split, DataSplit.Test));
        try
        {
            var progress = new SyncProgress();
            var report = await Runner().RunAsync(new TrainingOptions
            {
                PatchesDirectory = fixture.PatchesDirectory, OutputDirectory = fixture.NewOutputDirectory(), BatchSize = 32, MaxStepsPerEpoch = 1,
            }, progress, default);

            Assert.Contains(progress.Reports, p => p.Event == TrainingEvent.Note && p.Message!.Contains("validation split is empty"));
            var epoch = Assert.Single(report.Metrics);
            Assert.Null(epoch.ValLoss);
            Assert.Null(epoch.ValAuc);
        }
        finally
        {
            await using var db = fixture.Database.Open();
            await db.Patches.Where(p => fixture.ValidationIds.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.Split, DataSplit.Validation));
        }
    }

    [Fact]
    public async Task FrozenPresetWithoutWeightsSaysWhereToPutThemAndCreatesNoRun()
    {
        var missing = Path.Combine(fixture.NewOutputDirectory(), "absent.dat");
        int runs;
        using (var before = fixture.Database.Open()) runs = before.TrainingRuns.Count();
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => Runner().RunAsync(new TrainingOptions
        {
            PatchesDirectory = fixture.PatchesDirectory, Preset = ModelPreset.InceptionV3Frozen, WeightsFile = missing,
        }, null, default));

        Assert.StartsWith($"{missing}: no ImageNet weights for inception-v3-frozen", error.Message);
        Assert.Contains("--weights", error.Message);
        Assert.Contains(Path.Combine(".tumorweb", "weights", "inception_v3_imagenet.dat"), error.Message);
        Assert.Contains("TorchScript", error.Message);
        using var db = fixture.Database.Open();
        Assert.Equal(runs, db.TrainingRuns.Count());
    }

    [Fact]
    public async Task UnknownPatchesFolderNamesIt()
    {
        var folder = fixture.NewOutputDirectory();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Runner().RunAsync(new TrainingOptions { PatchesDirectory = folder }, null, default));
        Assert.StartsWith($"{folder}: no extraction run of this folder in the catalog", error.Message);
    }
}
