using TorchSharp;
using TumorWeb.Pipeline.Training.Torch;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Training.Models;

/// <summary>Builds the network of a preset for patches of a given side, on the device of this process.</summary>
internal static class PatchNets
{
    /// <summary>
    /// A fresh network. A frozen preset loads its base from <paramref name="weightsFile"/> (or the
    /// default place, <see cref="PretrainedWeights.DefaultPath"/>); pass <paramref name="loadPretrained"/>
    /// false when a checkpoint will overwrite every weight anyway.
    /// </summary>
    public static PatchNet Create(ModelPreset preset, int patchSize, string? weightsFile = null, bool loadPretrained = true)
    {
        TorchNative.EnsureLoaded();
        var backbone = Backbone(preset);
        if (preset.IsFrozen() && loadPretrained)
            PretrainedWeights.Load(preset, backbone, weightsFile ?? PretrainedWeights.DefaultPath(preset));
        var net = new PatchNet(backbone, FeatureCount(backbone, patchSize));
        if (preset.IsFrozen()) net.FreezeBackbone();
        net.to(TorchDevice.Pick());
        return net;
    }

    private static nn.Module<Tensor, Tensor> Backbone(ModelPreset preset) => preset switch
    {
        ModelPreset.Tiny => new TinyBackbone(),
        ModelPreset.ResNet18Frozen => new ResNet18Backbone(),
        ModelPreset.InceptionV3 or ModelPreset.InceptionV3Frozen => new InceptionV3Backbone(),
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "unknown model preset"),
    };

    /// <summary>The head's input size: what the base makes of one patch, found by running it once.</summary>
    private static long FeatureCount(nn.Module<Tensor, Tensor> backbone, int patchSize)
    {
        var wasTraining = backbone.training;
        backbone.eval();
        using (no_grad())
        using (var scope = NewDisposeScope())
        {
            var features = backbone.call(zeros(1, 3, patchSize, patchSize)).numel();
            backbone.train(wasTraining);
            return features;
        }
    }
}
