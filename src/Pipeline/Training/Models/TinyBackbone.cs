using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Training.Models;

/// <summary>
/// A four-block CNN for CPU demos. It averages the 299-pixel patch down by four first (to 74),
/// inside the model, so training and inference read the same stored patch and share the resize;
/// nuclei stay a pixel or two wide there, enough to tell crowded large dark tumor nuclei from
/// sparse small ones. No normalization layers: batch norm's running statistics would still be far
/// from the data after a demo's few steps, so eval-mode scores (validation, inference) would not
/// match training, and per-patch norms would discard the staining darkness that tells tumor
/// apart. He initialization keeps the signal alive through the plain ReLU stack instead.
/// </summary>
internal sealed class TinyBackbone : nn.Module<Tensor, Tensor>
{
    public const int Downsample = 4;

    private readonly AvgPool2d shrink = nn.AvgPool2d(Downsample);
    private readonly Sequential blocks = nn.Sequential(Block(3, 16), Block(16, 32), Block(32, 32), Block(32, 32));

    public TinyBackbone() : base(nameof(TinyBackbone))
    {
        RegisterComponents();
        using var _ = no_grad();
        foreach (var conv in modules().OfType<Conv2d>())
        {
            nn.init.kaiming_normal_(conv.weight!, mode: nn.init.FanInOut.FanOut, nonlinearity: nn.init.NonlinearityType.ReLU);
            conv.bias!.zero_();
        }
    }

    public override Tensor forward(Tensor patches)
    {
        using var scope = NewDisposeScope();
        // Centred on zero: the pixels of a stained slide are mostly bright, all on one side of it.
        return blocks.call(shrink.call(patches) * 2 - 1).MoveToOuterDisposeScope();
    }

    private static Sequential Block(long input, long output) => nn.Sequential(
        nn.Conv2d(input, output, kernel_size: 3, padding: 1),
        nn.ReLU(),
        nn.MaxPool2d(kernel_size: 2));
}
