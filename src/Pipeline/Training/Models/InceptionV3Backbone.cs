using TorchSharp;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Training.Models;

/// <summary>
/// torchvision's InceptionV3 up to its last mixed block (2048 x 8 x 8 at 299 x 299), like Keras's
/// InceptionV3(include_top=False) in the seed: no pooling, no aux logits, no classifier. The network
/// is kept whole under "net" so its parameter names match torchvision's, and an ImageNet state dict
/// loads into it unchanged.
/// </summary>
internal sealed class InceptionV3Backbone : nn.Module<Tensor, Tensor>
{
    /// <summary>The blocks of torchvision's forward() before its average pool, in order.</summary>
    private static readonly string[] Stages =
    [
        "Conv2d_1a_3x3", "Conv2d_2a_3x3", "Conv2d_2b_3x3", "maxpool1", "Conv2d_3b_1x1", "Conv2d_4a_3x3", "maxpool2",
        "Mixed_5b", "Mixed_5c", "Mixed_5d", "Mixed_6a", "Mixed_6b", "Mixed_6c", "Mixed_6d", "Mixed_6e",
        "Mixed_7a", "Mixed_7b", "Mixed_7c",
    ];

    private readonly TorchSharp.Modules.InceptionV3 net;
    private readonly nn.Module<Tensor, Tensor>[] stages;

    public InceptionV3Backbone() : base(nameof(InceptionV3Backbone))
    {
        net = torchvision.models.inception_v3(num_classes: 1);
        stages = TorchvisionStages.Pick(net, Stages);
        RegisterComponents();
    }

    public override Tensor forward(Tensor patches)
    {
        using var scope = NewDisposeScope();
        // Inception's weights (torchvision's ImageNet ones were ported from TensorFlow) expect
        // pixels in [-1, 1]; this is what torchvision's transform_input produces.
        var x = patches * 2 - 1;
        foreach (var stage in stages) x = stage.call(x);
        return x.MoveToOuterDisposeScope();
    }
}
