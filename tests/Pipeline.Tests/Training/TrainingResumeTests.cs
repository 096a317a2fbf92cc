using TumorWeb.Pipeline.Stain;
using Microsoft.EntityFrameworkCore;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Training;
using TumorWeb.Pipeline.Training.Models;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Tests.Training;

/// <summary>
/// Stopping a run (cancel, or a crash that writes nothing on the way out) and resuming it gives the
/// same curve and the same weights as never stopping.
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class TrainingResumeTests(TrainingExtractionFixture fixture)
{
    private static Task<Outcome>? _uninterrupted;

    private sealed record Outcome(int RunId, string Checkpoint, List<(TrainingPhase, int, long, double, double, double?)> Curve);

    private TrainingRunner Runner() => new(fixture.Database.Factory, TimeProvider.System);

    // 3 steps of 8 patches an epoch, a metric row every step, augmentation, colour jitter, stain normalisation and dropout on.
    private TrainingOptions Options() => new()
    {
        PatchesDirectory = fixture.PatchesDirectory, OutputDirectory = fixture.NewOutputDirectory(),
        Epochs = 2, BatchSize = 8, MaxStepsPerEpoch = 3, MetricEvery = 1, Seed = 17,
        ColorAugment = ColorAugment.Strong, StainNormalize = StainMethod.Macenko,
    };

    private Task<Outcome> Uninterrupted() => _uninterrupted ??= RunToEndAsync();

    private async Task<Outcome> RunToEndAsync()
    {
        var report = await Runner().RunAsync(Options(), null, default);
        return Read(report.RunId, report.Checkpoint!);
    }

    private Outcome Read(int runId, string checkpoint)
    {
        using var db = fixture.Database.Open();
        var curve = db.TrainingMetrics.Where(m => m.TrainingRunId == runId).AsEnumerable()
            .OrderBy(m => m.Step).ThenBy(m => m.Phase)
            .Select(m => (m.Phase, m.Epoch, m.Step, m.Loss, m.Accuracy, m.Auc)).ToList();
        return new Outcome(runId, checkpoint, curve);
    }

    private static Dictionary<string, float[]> Weights(string checkpoint)
    {
        using var net = PatchNets.Create(ModelPreset.Tiny, 299);
        Checkpoints.Load(checkpoint, net);
        return net.state_dict().ToDictionary(e => e.Key, e => e.Value.data<float>().ToArray());
    }

    private async Task<int> StopAsync(Func<TrainingProgress, bool> stopHere, bool crash)
    {
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(p =>
        {
            if (!stopHere(p)) return;
            if (crash) throw new IOException("simulated crash");
            cts.Cancel();
        });
        var stopped = await Assert.ThrowsAnyAsync<Exception>(() => Runner().RunAsync(Options(), progress, cts.Token));
        Assert.True(crash ? stopped is IOException : stopped is OperationCanceledException, stopped.ToString());
        using var db = fixture.Database.Open();
        var run = db.TrainingRuns.OrderBy(r => r.Id).Last();
        Assert.Equal(crash ? RunStatus.Failed : RunStatus.Cancelled, run.Status);
        return run.Id;
    }

    private async Task AssertResumedRunMatchesUninterruptedAsync(int runId)
    {
        var expected = await Uninterrupted();
        var resumed = await Runner().ResumeAsync(runId, null, null, default);

        Assert.Equal(RunStatus.Completed, resumed.Status);
        var actual = Read(runId, resumed.Checkpoint!);
        Assert.Equal(expected.Curve, actual.Curve);
        Assert.Equal(Weights(expected.Checkpoint), Weights(actual.Checkpoint));
        Assert.Equal([1, 2], resumed.Metrics.Select(m => m.Epoch));
    }

    [Fact]
    public async Task CancelAfterTheFirstEpochThenResumeEqualsAnUninterruptedRun()
    {
        var runId = await StopAsync(p => p.Event == TrainingEvent.EpochEnd && p.Epoch == 1, crash: false);

        await AssertResumedRunMatchesUninterruptedAsync(runId);
    }

    [Fact]
    public async Task CancelWithinAnEpochCheckpointsThereAndResumesAtTheNextBatch()
    {
        var runId = await StopAsync(p => p.Event == TrainingEvent.Step && p.Step == 5, crash: false);
        using (var db = fixture.Database.Open())
        {
            var folder = db.TrainingRuns.Single(r => r.Id == runId).OutputDirectory;
            var position = Checkpoints.ReadHeader(Checkpoints.LatestPath(folder)).Position;
            Assert.Equal((1, 2, 5L), (position.Epoch, position.BatchInEpoch, position.Step));
        }

        await AssertResumedRunMatchesUninterruptedAsync(runId);
    }

    [Fact]
    public async Task CrashWithinAnEpochDropsThePointsAfterTheLastCheckpointAndReplaysThem()
    {
        var runId = await StopAsync(p => p.Event == TrainingEvent.Step && p.Step == 5, crash: true);
        using (var db = fixture.Database.Open())
            Assert.Equal([1L, 2, 3, 4, 5], db.TrainingMetrics.Where(m => m.TrainingRunId == runId && m.Phase == TrainingPhase.Train)
                .Select(m => m.Step).AsEnumerable().Order());

        await AssertResumedRunMatchesUninterruptedAsync(runId);
    }
}
