namespace TumorWeb.Pipeline.Training;

/// <summary>The models the seed's head can sit on.</summary>
public enum ModelPreset
{
    /// <summary>A small CNN on the patch pooled to a third of its side, for CPU demos and tests.</summary>
    Tiny,

    /// <summary>
    /// The seed's model 1 on the ImageNet ResNet18 that ships with the app (ONNX Runtime): its 512
    /// features are cached once per patch and only the seed's head trains. With --weights, a
    /// TorchScript file or torchvision's ResNet-18 as a TorchSharp state dict instead.
    /// </summary>
    ResNet18Frozen,

    /// <summary>The seed's model 2: InceptionV3 trained from scratch with rotation and flip augmentation.</summary>
    InceptionV3,

    /// <summary>
    /// The seed's model 1: InceptionV3 with the user's ImageNet weights, frozen, under the seed's
    /// head. A TorchScript file caches its 2048 pooled features like resnet18-frozen; a TorchSharp
    /// state dict runs the network frozen every epoch.
    /// </summary>
    InceptionV3Frozen,
}
