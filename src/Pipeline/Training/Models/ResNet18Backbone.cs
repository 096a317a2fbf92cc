using TorchSharp;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Training.Models;

/// <summary>
/// torchvision's ResNet-18 up to layer4 (512 x 10 x 10 at 299 x 299), without its pool and
/// classifier. Kept whole under "net" so torchvision's ImageNet state dict loads unchanged.
/// </summary>
internal sealed class ResNet18Backbone : nn.Module<Tensor, Tensor>
{
    private static readonly string[] Stages = ["conv1", "bn1", "relu", "maxpool", "layer1", "layer2", "layer3", "layer4"];

    // torchvision's ImageNet models take channels normalized with these.
    private static readonly float[] Mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] Std = [0.229f, 0.224f, 0.225f];

    private readonly TorchSharp.Modules.ResNet net;
    private readonly nn.Module<Tensor, Tensor>[] stages;

    public ResNet18Backbone() : base(nameof(ResNet18Backbone))
    {
        net = torchvision.models.resnet18(num_classes: 1);
        stages = TorchvisionStages.Pick(net, Stages);
        RegisterComponents();
    }

    public override Tensor forward(Tensor patches)
    {
        using var scope = NewDisposeScope();
        var mean = tensor(Mean, device: patches.device).view(1, 3, 1, 1);
        var std = tensor(Std, device: patches.device).view(1, 3, 1, 1);
        var x = (patches - mean) / std;
        foreach (var stage in stages) x = stage.call(x);
        return x.MoveToOuterDisposeScope();
    }
}
