using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Training.Models;

/// <summary>
/// The seed's classifier on top of the convolutional base: Flatten, Dense(128, relu), Dropout(0.3),
/// Dense(1). It returns the logit; the sigmoid is applied by the loss (BCE with logits) in training
/// and by the classifier at inference, which is numerically safer than a sigmoid layer.
/// </summary>
internal sealed class SeedHead : nn.Module<Tensor, Tensor>
{
    public const int Hidden = 128;
    public const double DropoutRate = 0.3;

    private readonly Flatten flatten = nn.Flatten();
    private readonly Linear hidden;
    private readonly ReLU relu = nn.ReLU();
    private readonly Dropout dropout = nn.Dropout(DropoutRate);
    private readonly Linear output = nn.Linear(Hidden, 1);

    public SeedHead(long features) : base(nameof(SeedHead))
    {
        hidden = nn.Linear(features, Hidden);
        RegisterComponents();
    }

    public override Tensor forward(Tensor features)
    {
        using var scope = NewDisposeScope();
        var x = dropout.call(relu.call(hidden.call(flatten.call(features))));
        return output.call(x).MoveToOuterDisposeScope();
    }
}
