using TumorWeb.Pipeline.Inference;
using TumorWeb.Pipeline.Training.Models;

namespace TumorWeb.Pipeline.Training;

/// <summary>Turns a training checkpoint into an <see cref="IPatchClassifier"/> for whole-slide inference.</summary>
public static class PatchClassifiers
{
    /// <summary>
    /// Builds the checkpoint's preset and loads its weights (a frozen preset's base included, so no
    /// ImageNet file is needed). Throws <see cref="FileNotFoundException"/> or
    /// <see cref="InvalidDataException"/> naming the file.
    /// </summary>
    public static IPatchClassifier Load(string checkpointPath, int maxBatch = 0)
    {
        var header = Checkpoints.ReadHeader(checkpointPath);
        var hyper = header.Hyperparameters;
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
        var name = $"{hyper.Model} {Path.GetFileName(checkpointPath)}";
        return new TorchPatchClassifier(net, name, hyper.PatchSize, maxBatch > 0 ? maxBatch : DefaultMaxBatch(hyper.Preset));
    }

    // Enough to keep the cores busy while the activations of a sub-batch stay in the hundreds of MB.
    private static int DefaultMaxBatch(ModelPreset preset) => preset == ModelPreset.Tiny ? 64 : 16;
}
