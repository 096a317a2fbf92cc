using System.Diagnostics;
using TorchSharp.Modules;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Training.Loading;
using TumorWeb.Pipeline.Training.Torch;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Training;

/// <summary>
/// The epochs of one run from a given position: steps over the shuffled train split, a metric row
/// every few steps, validation and a checkpoint at each epoch's end, a checkpoint every few minutes
/// and on cancel. Everything random is a function of the seed and the position, so stopping and
/// resuming changes nothing.
/// </summary>
internal sealed class TrainingSession(
    int runId,
    string runDirectory,
    TrainingHyperparameters hyper,
    nn.Module<Tensor, Tensor> net,
    RMSProp optimizer,
    TrainingData data,
    IBatchSource loader,
    TrainingCatalog catalog,
    IProgress<TrainingProgress>? progress,
    TimeProvider time,
    string? baseModelHash = null)
{
    private readonly Stopwatch trainClock = new();
    private readonly Stopwatch windowClock = new();
    private long sessionImages;
    private long sessionSteps;
    private TrainingPosition current = TrainingPosition.Start;
    private TrainingPosition? saved;
    private DateTimeOffset savedAt;

    public int BatchesPerEpoch => Math.Min(EpochPlan.BatchesIn(data.Train.Count, hyper.BatchSize), hyper.MaxStepsPerEpoch ?? int.MaxValue);
    private long TotalSteps => (long)BatchesPerEpoch * hyper.Epochs;

    /// <summary>Training images per second of this session, decoding included.</summary>
    public double ImagesPerSecond => sessionImages / Math.Max(trainClock.Elapsed.TotalSeconds, 1e-9);

    public async Task<TrainingPosition> RunAsync(TrainingPosition start, CancellationToken ct)
    {
        (current, saved, savedAt) = (start, start, time.GetUtcNow());
        Report(TrainingEvent.Started, message: start.Step == 0 ? null : $"resuming at epoch {start.Epoch + 1}, step {start.Step}");
        if (data.Validation.Count == 0)
            Report(TrainingEvent.Note, message: "the validation split is empty: no validation loss, accuracy or AUC");
        try
        {
            while (current.Epoch < hyper.Epochs)
            {
                await TrainEpochAsync(ct);
                var metrics = await CloseEpochAsync(ct);
                Report(TrainingEvent.EpochEnd, metrics);
                if (Divergence.Reason(metrics, hyper.LearningRate) is { } diverged) throw new InvalidOperationException(diverged);
            }
            return current;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            if (current != saved) SaveCheckpoint(Checkpoints.LatestPath(runDirectory));
            throw;
        }
    }

    private async Task TrainEpochAsync(CancellationToken ct)
    {
        var epoch = current.Epoch;
        Func<int, Augmentation> augment = hyper.Augment ? position => Augmentation.Draw(hyper.Seed, epoch, position) : _ => Augmentation.None;
        var plan = new EpochPlan(EpochOrder.For(hyper.Seed, epoch, data.Train.Count), hyper.BatchSize, current.BatchInEpoch, BatchesPerEpoch, augment);
        net.train();
        trainClock.Start();
        windowClock.Restart();
        try
        {
            await foreach (var batch in loader.ReadAsync(data.Train, plan, ct))
            {
                ct.ThrowIfCancellationRequested();
                var (loss, correct) = Step(batch, current.Step + 1);
                if (!double.IsFinite(loss))
                    throw new InvalidOperationException(
                        $"training diverged: the loss is {loss} at step {current.Step + 1}; start again with a lower learning rate (now {hyper.LearningRate})");
                current = current with
                {
                    BatchInEpoch = current.BatchInEpoch + 1,
                    Step = current.Step + 1,
                    EpochSums = current.EpochSums.Add(loss, correct, batch.Count),
                    WindowSums = current.WindowSums.Add(loss, correct, batch.Count),
                };
                (sessionImages, sessionSteps) = (sessionImages + batch.Count, sessionSteps + 1);
                await WriteTrainRowIfDueAsync();
                Report(TrainingEvent.Step);
                if (time.GetUtcNow() - savedAt >= TimeSpan.FromMinutes(hyper.CheckpointMinutes))
                    SaveCheckpoint(Checkpoints.LatestPath(runDirectory));
            }
        }
        finally
        {
            trainClock.Stop();
        }
    }

    private (double Loss, long Correct) Step(PatchBatch batch, long step)
    {
        using var scope = NewDisposeScope();
        manual_seed(StepSeeds.For(hyper.Seed, step));
        var x = loader.ToInput(batch, TorchDevice.Pick());
        var y = tensor(batch.Labels, device: TorchDevice.Pick());
        optimizer.zero_grad();
        var logits = net.call(x);
        var loss = BatchLoss.Mean(logits, y);
        loss.backward();
        optimizer.step();
        return (loss.item<float>(), BatchLoss.Correct(logits.detach(), y));
    }

    // Rows never straddle epochs, and fall on the same steps whether or not the run was resumed.
    private async Task WriteTrainRowIfDueAsync()
    {
        if (current.Step % hyper.MetricEvery != 0 && current.BatchInEpoch != BatchesPerEpoch) return;
        var perSecond = current.WindowSums.Images / Math.Max(windowClock.Elapsed.TotalSeconds, 1e-9);
        await catalog.AddMetricAsync(runId, TrainingPhase.Train, current.Epoch + 1, current.Step, current.WindowSums, null, perSecond);
        current = current with { WindowSums = default };
        windowClock.Restart();
    }

    private async Task<EpochMetrics> CloseEpochAsync(CancellationToken ct)
    {
        var epoch = current.Epoch + 1;
        ValidationResult? validation = null;
        if (data.Validation.Count > 0)
        {
            Report(TrainingEvent.Validating);
            validation = await Validation.ScoreAsync(net, loader, data.Validation, hyper.BatchSize, ct);
            await catalog.AddMetricAsync(runId, TrainingPhase.Validation, epoch, current.Step, validation.Sums, validation.Auc, validation.ImagesPerSecond);
        }
        var metrics = new EpochMetrics(epoch, current.EpochSums.Loss, current.EpochSums.Accuracy,
            validation?.Sums.Loss, validation?.Sums.Accuracy, validation?.Auc);
        current = current with { Epoch = epoch, BatchInEpoch = 0, EpochSums = default, WindowSums = default };
        SaveCheckpoint(Checkpoints.EpochPath(runDirectory, epoch));
        File.Delete(Checkpoints.LatestPath(runDirectory));
        return metrics;
    }

    private void SaveCheckpoint(string path)
    {
        var header = new CheckpointHeader(CheckpointHeader.CurrentFormat, runId, hyper, current, time.GetUtcNow(), data.TrainSlides, baseModelHash,
            data.TrainSlideHashes, data.PatchMicrons);
        Checkpoints.Save(path, header, net, optimizer);
        (saved, savedAt) = (current, header.SavedAt);
        Report(TrainingEvent.Checkpoint, message: path);
    }

    private void Report(TrainingEvent kind, EpochMetrics? completed = null, string? message = null)
    {
        if (progress is null) return;
        var remaining = TotalSteps - current.Step;
        TimeSpan? eta = sessionSteps == 0 ? null : trainClock.Elapsed / sessionSteps * remaining;
        var sums = current.EpochSums;
        progress.Report(new TrainingProgress(runId, kind, completed?.Epoch ?? Math.Min(current.Epoch + 1, hyper.Epochs), hyper.Epochs, current.Step, TotalSteps,
            current.BatchInEpoch, BatchesPerEpoch, sums.Images == 0 ? double.NaN : sums.Loss, sums.Images == 0 ? double.NaN : sums.Accuracy,
            sessionSteps == 0 ? 0 : ImagesPerSecond, eta, completed, message));
    }
}
