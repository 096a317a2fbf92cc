namespace TumorWeb.Pipeline.Training;

/// <summary>The models the seed's head can sit on.</summary>
public enum ModelPreset
{
    /// <summary>A small CNN on the patch pooled to a third of its side, for CPU demos and tests.</summary>
    Tiny,

    /// <summary>torchvision's ResNet-18 with ImageNet weights, frozen, under the seed's head.</summary>
    ResNet18Frozen,

    /// <summary>The seed's model 2: InceptionV3 trained from scratch with rotation and flip augmentation.</summary>
    InceptionV3,

    /// <summary>The seed's model 1: InceptionV3 with ImageNet weights, frozen, under the seed's head.</summary>
    InceptionV3Frozen,
}
