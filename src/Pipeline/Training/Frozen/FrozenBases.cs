using TumorWeb.Pipeline.FeatureVectors;
using TumorWeb.Pipeline.Training.Models;

namespace TumorWeb.Pipeline.Training.Frozen;

/// <summary>Which base a run's settings mean, and loading it as a feature extractor.</summary>
public static class FrozenBases
{
    /// <summary>
    /// The base of <paramref name="hyper"/>. A checkpoint's header settles it when given (a head on
    /// cached features records its base's hash), so a resume or a scoring never guesses from a file
    /// that may have moved; otherwise the weights file's content does (TorchScript files are zips).
    /// </summary>
    public static FrozenBaseKind KindOf(TrainingHyperparameters hyper, CheckpointHeader? header = null)
    {
        if (!hyper.Preset.IsFrozen()) return FrozenBaseKind.None;
        if (hyper.Preset == ModelPreset.ResNet18Frozen && hyper.WeightsFile is null) return FrozenBaseKind.OnnxResNet18;
        if (header is not null) return header.BaseModelHash is null ? FrozenBaseKind.TorchSharpWeights : FrozenBaseKind.TorchScript;
        return TorchScriptFeatures.IsTorchScript(WeightsPath(hyper)) ? FrozenBaseKind.TorchScript : FrozenBaseKind.TorchSharpWeights;
    }

    public static bool CachesFeatures(this FrozenBaseKind kind) => kind is FrozenBaseKind.OnnxResNet18 or FrozenBaseKind.TorchScript;

    /// <summary>--weights, or the default place of the preset's ImageNet weights.</summary>
    public static string WeightsPath(TrainingHyperparameters hyper) => hyper.WeightsFile ?? PretrainedWeights.DefaultPath(hyper.Preset);

    /// <summary>Throws <see cref="FileNotFoundException"/> saying how to get the base when its file is missing.</summary>
    public static void EnsureAvailable(TrainingHyperparameters hyper, FrozenBaseKind kind)
    {
        switch (kind)
        {
            case FrozenBaseKind.OnnxResNet18:
                var directory = new ResNet18Options().ModelDirectory;
                foreach (var file in new[] { ResNet18ModelFiles.ModelFile, ResNet18ModelFiles.PreprocessFile })
                    if (!File.Exists(Path.Combine(directory, file))) ResNet18ModelFiles.Read(directory, file);
                break;
            case FrozenBaseKind.TorchScript or FrozenBaseKind.TorchSharpWeights:
                var weights = WeightsPath(hyper);
                if (!File.Exists(weights)) throw new FileNotFoundException(PretrainedWeights.Missing(hyper.Preset, weights), weights);
                break;
        }
    }

    /// <summary>The feature extractor of a caching base, with <paramref name="threads"/> ONNX Runtime threads (0: one per core).</summary>
    public static IFeatureBase Load(TrainingHyperparameters hyper, FrozenBaseKind kind, int threads = 0) => kind switch
    {
        FrozenBaseKind.OnnxResNet18 => ResNet18Features.Load(OnnxOptions(threads)),
        FrozenBaseKind.TorchScript => TorchScriptFeatures.Load(WeightsPath(hyper), hyper.PatchSize),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "this base does not run as a feature extractor"),
    };

    public static ResNet18Options OnnxOptions(int threads) => new() { Threads = threads > 0 ? threads : Environment.ProcessorCount };
}
