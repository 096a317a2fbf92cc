using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Tests.Training.Torch;

/// <summary>Convolution, ReLU, global average pooling and a linear head, with constant weights so outputs are known.</summary>
internal sealed class TinyConvNet : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv = nn.Conv2d(3, 2, 3);
    private readonly ReLU relu = nn.ReLU();
    private readonly AdaptiveAvgPool2d pool = nn.AdaptiveAvgPool2d(1);
    private readonly Linear head = nn.Linear(2, 1);

    public TinyConvNet() : base(nameof(TinyConvNet))
    {
        RegisterComponents();
        using var _ = no_grad();
        conv.weight!.fill_(1);
        conv.bias!.fill_(0);
        head.weight!.fill_(0.5);
        head.bias!.fill_(1);
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var features = pool.forward(relu.forward(conv.forward(input))).flatten(1);
        return head.forward(features).MoveToOuterDisposeScope();
    }
}
