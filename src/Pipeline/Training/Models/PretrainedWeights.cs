using System.Runtime.InteropServices;
using TumorWeb.Pipeline.Training.Torch;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Training.Models;

/// <summary>
/// ImageNet weights for a frozen preset's base as a TorchSharp state dict. They cannot be downloaded
/// here: the user exports torchvision's state dict once with TorchSharp's exportsd.py and passes the
/// file (or puts it at <see cref="DefaultPath"/>). A TorchScript file is the other way in
/// (<see cref="Features.TorchScriptFeatures"/>).
/// </summary>
public static class PretrainedWeights
{
    // The classifiers are the ImageNet ones (1000 classes); the seed's head replaces them.
    private static readonly string[] Classifiers = ["fc.weight", "fc.bias", "AuxLogits.fc.weight", "AuxLogits.fc.bias"];

    /// <summary>~/.tumorweb/weights/inception_v3_imagenet.dat or resnet18_imagenet.dat.</summary>
    public static string DefaultPath(ModelPreset preset) => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".tumorweb", "weights", FileName(preset));

    internal static void Load(ModelPreset preset, nn.Module<Tensor, Tensor> backbone, string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException(Missing(preset, path), path);
        TorchNative.EnsureLoaded();
        var net = backbone.named_children().Single(c => c.name == "net").module;
        var expected = net.state_dict().Keys.Where(k => !Classifiers.Contains(k)).ToHashSet();
        var loaded = new Dictionary<string, bool>();
        try
        {
            net.load(path, strict: false, skip: Classifiers, loadedParameters: loaded);
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or EndOfStreamException or IOException or ExternalException)
        {
            throw new InvalidDataException($"{path}: not a TorchSharp state dict of torchvision's {TorchvisionName(preset)}: {e.Message}", e);
        }
        var absent = expected.Where(k => !loaded.GetValueOrDefault(k)).ToList();
        if (absent.Count > 0)
            throw new InvalidDataException(
                $"{path}: lacks {absent.Count} of the {expected.Count} weights of torchvision's {TorchvisionName(preset)} " +
                $"(first: {absent[0]}); export the state dict of torchvision.models.{TorchvisionName(preset)} itself");
    }

    internal static string Missing(ModelPreset preset, string path) =>
        $"{path}: no ImageNet weights for {preset.Name()}. Make them once where PyTorch and torchvision are installed: " +
        $"a TorchScript file of the pooled features (bench/torchscript/make_inception_torchscript.py, docs/models.md), or a state dict " +
        $"with exportsd.py from TorchSharp's repository: `m = torchvision.models.{TorchvisionName(preset)}(weights=\"DEFAULT\"); " +
        $"exportsd.save_state_dict(m.state_dict(), open(\"{FileName(preset)}\", \"wb\"))`; then pass the file with --weights " +
        $"or put it at {DefaultPath(preset)}";

    private static string FileName(ModelPreset preset) => preset == ModelPreset.ResNet18Frozen ? "resnet18_imagenet.dat" : "inception_v3_imagenet.dat";

    private static string TorchvisionName(ModelPreset preset) => preset == ModelPreset.ResNet18Frozen ? "resnet18" : "inception_v3";
}
