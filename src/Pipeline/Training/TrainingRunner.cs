using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Training.Frozen;
using TumorWeb.Pipeline.Training.Torch;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Training;

/// <summary>
/// The training stage: an extraction's train split -> a model of a preset, with metrics in the
/// catalog as they happen and checkpoints in the run's folder. <see cref="ResumeAsync"/> continues a
/// run from its furthest checkpoint after a crash or a cancel, with nothing lost or repeated.
/// </summary>
public sealed class TrainingRunner(IDbContextFactory<TumorWebDbContext> dbFactory, TimeProvider time)
{
    private readonly TrainingCatalog catalog = new(dbFactory, time);

    public async Task<TrainingReport> RunAsync(TrainingOptions options, IProgress<TrainingProgress>? progress, CancellationToken ct)
    {
        var extraction = await catalog.ExtractionRunAsync(options.PatchesDirectory, ct);
        var hyper = TrainingHyperparameters.From(options, extraction.PatchSize);
        // Before a run row exists: a frozen preset without its ImageNet base cannot start.
        var kind = FrozenBases.KindOf(hyper);
        FrozenBases.EnsureAvailable(hyper, kind);
        if (kind.CachesFeatures() && hyper.Augment)
            throw new ArgumentException($"{hyper.Model}: augmentation cannot apply to features cached once per patch; train without --augment");
        var run = await catalog.CreateAsync(extraction, hyper, options.OutputDirectory, ct);
        new RunFolder(run.Id, extraction.OutputDirectory, options.CatalogPath is null ? null : Path.GetFullPath(options.CatalogPath), hyper)
            .Write(run.OutputDirectory);
        return await TrainAsync(run.Id, extraction, run.OutputDirectory, hyper, null, progress, ct);
    }

    /// <summary>Continues run <paramref name="runId"/>; <paramref name="epochs"/>, when given, changes its total number of epochs.</summary>
    public async Task<TrainingReport> ResumeAsync(int runId, int? epochs, IProgress<TrainingProgress>? progress, CancellationToken ct)
    {
        var run = await catalog.RunAsync(runId, ct);
        var checkpoint = Checkpoints.Furthest(run.OutputDirectory);
        var hyper = checkpoint is null ? TrainingHyperparameters.FromJson(run.Hyperparameters) : Checkpoints.ReadHeader(checkpoint).Hyperparameters;
        if (epochs is not null) hyper = hyper with { Epochs = epochs.Value };
        hyper.Validate();
        return await TrainAsync(run.Id, run.ExtractionRun!, run.OutputDirectory, hyper, checkpoint, progress, ct);
    }

    private async Task<TrainingReport> TrainAsync(int runId, ExtractionRun extraction, string runDirectory, TrainingHyperparameters hyper,
        string? checkpoint, IProgress<TrainingProgress>? progress, CancellationToken ct)
    {
        await catalog.SetStatusAsync(runId, RunStatus.Running, null, hyper.ToJson());
        try
        {
            var trainSlides = await catalog.SlidesAsync(extraction.Id, DataSplit.Train, ct);
            var data = new TrainingData(
                await catalog.PatchesAsync(extraction.Id, DataSplit.Train, ct),
                await catalog.PatchesAsync(extraction.Id, DataSplit.Validation, ct),
                trainSlides.Select(s => s.Name).ToList(),
                trainSlides.Select(s => s.ContentHash).OfType<string>().ToList(),
                extraction.PatchMicrons);
            if (data.Train.Count == 0)
                throw new InvalidOperationException($"{extraction.OutputDirectory}: the extraction has no patch in its train split");
            TorchNative.EnsureLoaded();
            if (hyper.Threads > 0) set_num_threads(hyper.Threads);
            manual_seed(hyper.Seed);
            var header = checkpoint is null ? null : Checkpoints.ReadHeader(checkpoint);
            using var model = await TrainingModel.CreateAsync(dbFactory, extraction.OutputDirectory, hyper, header,
                message => progress?.Report(TrainingProgress.Note(runId, hyper.Epochs, message)), ct);
            using var optimizer = TrainingOptimizer.Create(model.Net, hyper);
            var start = checkpoint is null ? TrainingPosition.Start : Checkpoints.Load(checkpoint, model.Net, optimizer).Position;
            await catalog.DropMetricsAfterAsync(runId, start, ct);
            var session = new TrainingSession(runId, runDirectory, hyper, model.Net, optimizer, data, model.Batches, catalog, progress, time,
                model.BaseModelHash);
            var end = await session.RunAsync(start, ct);
            await catalog.SetStatusAsync(runId, RunStatus.Completed, null);
            var final = Checkpoints.EpochPath(runDirectory, end.Epoch);
            return new TrainingReport(runId, hyper.Preset, hyper.Epochs, RunStatus.Completed, runDirectory, File.Exists(final) ? final : null,
                await catalog.EpochMetricsAsync(runId, end.Epoch, CancellationToken.None), session.ImagesPerSecond, hyper);
        }
        catch (OperationCanceledException)
        {
            await catalog.SetStatusAsync(runId, RunStatus.Cancelled, $"cancelled; resume with train --resume {runId}");
            throw;
        }
        catch (Exception e)
        {
            await catalog.SetStatusAsync(runId, RunStatus.Failed, e.Message);
            throw;
        }
    }
}
