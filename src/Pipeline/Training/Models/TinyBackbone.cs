using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Training.Models;

/// <summary>
/// A four-block CNN for CPU demos. It averages the 299-pixel patch down by four first (to 74),
/// inside the model, so training and inference read the same stored patch and share the resize;
/// nuclei stay a pixel or two wide there, enough to tell crowded large tumor nuclei from sparse
/// ones. No batch norm: after the few steps of a demo its running statistics would still be far
/// from the data, and eval-mode scores (validation, inference) would not match training.
/// </summary>
internal sealed class TinyBackbone : nn.Module<Tensor, Tensor>
{
    public const int Downsample = 4;

    private readonly AvgPool2d shrink = nn.AvgPool2d(Downsample);
    private readonly Sequential blocks = nn.Sequential(Block(3, 16), Block(16, 32), Block(32, 32), Block(32, 32));

    public TinyBackbone() : base(nameof(TinyBackbone)) => RegisterComponents();

    public override Tensor forward(Tensor patches)
    {
        using var scope = NewDisposeScope();
        return blocks.call(shrink.call(patches)).MoveToOuterDisposeScope();
    }

    private static Sequential Block(long input, long output) => nn.Sequential(
        nn.Conv2d(input, output, kernel_size: 3, padding: 1),
        nn.ReLU(),
        nn.MaxPool2d(kernel_size: 2));
}
