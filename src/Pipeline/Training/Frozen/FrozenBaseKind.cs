namespace TumorWeb.Pipeline.Training.Frozen;

/// <summary>What a preset's base is, which decides whether it sees pixels each epoch or cached features once.</summary>
public enum FrozenBaseKind
{
    /// <summary>Not frozen: tiny and inception-v3 learn their base from the pixels.</summary>
    None,

    /// <summary>resnet18-frozen without --weights: the shipped ImageNet ResNet18 by ONNX Runtime; the head trains on cached features.</summary>
    OnnxResNet18,

    /// <summary>A TorchScript file passed with --weights; the head trains on cached features.</summary>
    TorchScript,

    /// <summary>A TorchSharp state dict passed with --weights: the torchvision network runs frozen under no_grad every epoch.</summary>
    TorchSharpWeights,
}
