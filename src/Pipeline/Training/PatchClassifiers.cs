using TorchSharp;
using TumorWeb.Pipeline.FeatureVectors;
using TumorWeb.Pipeline.Inference;
using TumorWeb.Pipeline.Training.Frozen;
using TumorWeb.Pipeline.Training.Models;
using TumorWeb.Pipeline.Training.Torch;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Training;

/// <summary>Turns a training checkpoint into an <see cref="IPatchClassifier"/> for whole-slide inference.</summary>
public static class PatchClassifiers
{
    /// <summary>
    /// Builds the checkpoint's preset and loads its weights. A network that saw pixels has all its
    /// weights in the checkpoint (a frozen base's too, so no ImageNet file is needed); a head trained
    /// on cached features runs behind its base (the shipped ResNet18, or the TorchScript file it
    /// was trained with, which must be unchanged). Throws <see cref="FileNotFoundException"/> or
    /// <see cref="InvalidDataException"/> naming the file.
    /// </summary>
    public static IPatchClassifier Load(string checkpointPath, int maxBatch = 0)
    {
        var header = Checkpoints.ReadHeader(checkpointPath);
        var hyper = header.Hyperparameters;
        var name = $"{hyper.Model} {Path.GetFileName(checkpointPath)}";
        var kind = FrozenBases.KindOf(hyper, header);
        return kind.CachesFeatures()
            ? HeadBehindBase(checkpointPath, header, kind, name, maxBatch > 0 ? maxBatch : 32)
            : Network(checkpointPath, hyper, name, maxBatch > 0 ? maxBatch : DefaultMaxBatch(hyper.Preset));
    }

    private static TorchPatchClassifier Network(string checkpointPath, TrainingHyperparameters hyper, string name, int maxBatch)
    {
        var net = PatchNets.Create(hyper.Preset, hyper.PatchSize, loadPretrained: false);
        try
        {
            Checkpoints.Load(checkpointPath, net);
        }
        catch
        {
            net.Dispose();
            throw;
        }
        return new TorchPatchClassifier(net, name, hyper.PatchSize, maxBatch);
    }

    private static TorchPatchClassifier HeadBehindBase(string checkpointPath, CheckpointHeader header, FrozenBaseKind kind, string name, int maxBatch)
    {
        var hyper = header.Hyperparameters;
        TorchNative.EnsureLoaded();
        var featureBase = FrozenBases.Load(hyper, kind, hyper.Threads);
        SeedHead? head = null;
        try
        {
            if (featureBase.ModelHash != header.BaseModelHash)
                throw new InvalidDataException(
                    $"{checkpointPath}: its head was trained on the features of another {hyper.Model} base (SHA-256 {header.BaseModelHash}); " +
                    $"the base found now has {featureBase.ModelHash}");
            head = new SeedHead(featureBase.Dimension);
            head.to(TorchDevice.Pick());
            Checkpoints.Load(checkpointPath, head);
            return new TorchPatchClassifier(head, name, hyper.PatchSize, maxBatch, (rgb, count) => Features(featureBase, rgb, count, hyper.PatchSize), featureBase);
        }
        catch
        {
            head?.Dispose();
            featureBase.Dispose();
            throw;
        }
    }

    private static Tensor Features(IFeatureBase featureBase, ReadOnlySpan<byte> rgb, int count, int patchSize)
    {
        var rows = new float[count * featureBase.Dimension];
        featureBase.Extract(rgb, count, patchSize, rows);
        return PatchTensors.FromRows(rows, count, featureBase.Dimension, TorchDevice.Pick());
    }

    // Enough to keep the cores busy while the activations of a sub-batch stay in the hundreds of MB.
    private static int DefaultMaxBatch(ModelPreset preset) => preset == ModelPreset.Tiny ? 64 : 16;
}
