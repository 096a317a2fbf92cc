using TorchSharp;
using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Pipeline.Extraction.Store;
using TumorWeb.Pipeline.FeatureVectors;
using TumorWeb.Pipeline.Progress;
using TumorWeb.Pipeline.Training.Frozen;
using TumorWeb.Pipeline.Training.Loading;
using TumorWeb.Pipeline.Training.Models;
using TumorWeb.Pipeline.Training.Torch;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Training;

/// <summary>
/// What a run trains and what feeds it. Most presets see pixels: the whole network with the patch
/// loader. A frozen base that can cache (ResNet18 by ONNX Runtime, a TorchScript file) runs once
/// per patch into the extraction's feature cache, and only the seed's head trains, on those rows.
/// </summary>
internal sealed class TrainingModel : IDisposable
{
    private readonly IDisposable? _reader;

    private TrainingModel(nn.Module<Tensor, Tensor> net, IBatchSource batches, string? baseModelHash, IDisposable? reader)
    {
        (Net, Batches, BaseModelHash, _reader) = (net, batches, baseModelHash, reader);
    }

    public nn.Module<Tensor, Tensor> Net { get; }
    public IBatchSource Batches { get; }

    /// <summary>The SHA-256 of the cached features' base; null when the net sees pixels.</summary>
    public string? BaseModelHash { get; }

    /// <summary>
    /// A fresh network (initialized from the libtorch seed set by the caller); a frozen base's
    /// ImageNet weights load only when <paramref name="header"/> is null, since a checkpoint holds them.
    /// </summary>
    public static async Task<TrainingModel> CreateAsync(IDbContextFactory<TumorWebDbContext> dbFactory, string extractionDirectory,
        TrainingHyperparameters hyper, CheckpointHeader? header, TrainingStains stains, Action<string> note, CancellationToken ct)
    {
        var kind = FrozenBases.KindOf(hyper, header);
        if (!kind.CachesFeatures())
        {
            var net = PatchNets.Create(hyper.Preset, hyper.PatchSize, hyper.WeightsFile, loadPretrained: header is null);
            var reader = new PatchPackReader(extractionDirectory);
            return new TrainingModel(net, new PatchBatchLoader(reader, hyper.PatchSize, Environment.ProcessorCount, prefetchBatches: 4, stains.SlideColors),
                null, reader);
        }
        var (features, hash) = await CachedFeaturesAsync(dbFactory, extractionDirectory, hyper, kind, stains, note, ct);
        if (header?.BaseModelHash is { } trainedOn && trainedOn != hash)
            throw new InvalidDataException(
                $"{FrozenBases.WeightsPath(hyper)}: not the base this run's head was trained on (SHA-256 {hash}, the checkpoint wants {trainedOn})");
        var head = new SeedHead(features.Dimension);
        head.to(TorchDevice.Pick());
        return new TrainingModel(head, new FeatureBatchLoader(features), hash, null);
    }

    private static async Task<(FeatureSet, string)> CachedFeaturesAsync(IDbContextFactory<TumorWebDbContext> dbFactory, string extractionDirectory,
        TrainingHyperparameters hyper, FrozenBaseKind kind, TrainingStains stains, Action<string> note, CancellationToken ct)
    {
        // A note every few seconds: each one is a line in the CLI's log.
        var options = new FeatureCacheOptions
        {
            Model = FrozenBases.OnnxOptions(hyper.Threads), ProgressInterval = TimeSpan.FromSeconds(5),
            SlideColors = stains.SlideColors, ColorKey = stains.FeatureKey,
        };
        var progress = new SyncStageProgress(p =>
        {
            if (p.Done < p.Total) note($"features of the frozen base: {p.Done}/{p.Total} patches");
        });
        FeatureSet features;
        string hash;
        if (kind == FrozenBaseKind.OnnxResNet18)
        {
            // The static build loads ResNet18 only when some row is missing.
            hash = ResNet18Features.ModelHashOf(options.Model);
            features = await FeatureCache.BuildAsync(dbFactory, extractionDirectory, options, hash, progress, ct);
        }
        else
        {
            using var featureBase = FrozenBases.Load(hyper, kind);
            features = await new FeatureCache(dbFactory, featureBase, options).BuildAsync(extractionDirectory, progress, ct);
            hash = featureBase.ModelHash;
        }
        note(features.ComputedNow == 0
            ? $"reused the cached features of {features.Count} patches: {features.Path}"
            : $"computed the features of {features.ComputedNow} of {features.Count} patches once, into {features.Path}");
        return (features, hash);
    }

    public void Dispose()
    {
        Net.Dispose();
        _reader?.Dispose();
    }

    /// <summary>Passes each report on at once, on the thread that made it.</summary>
    private sealed class SyncStageProgress(Action<StageProgress> report) : IProgress<StageProgress>
    {
        public void Report(StageProgress value) => report(value);
    }
}
