using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Training.Models;

/// <summary>
/// A four-block CNN for CPU demos. It averages the 299-pixel patch down by three first (to 99),
/// inside the model, so training and inference read the same stored patch and share the resize;
/// nuclei stay a few pixels wide there, enough to tell crowded large tumor nuclei from sparse ones.
/// </summary>
internal sealed class TinyBackbone : nn.Module<Tensor, Tensor>
{
    public const int Downsample = 3;

    private readonly AvgPool2d shrink = nn.AvgPool2d(Downsample);
    private readonly Sequential blocks = nn.Sequential(Block(3, 16), Block(16, 32), Block(32, 32), Block(32, 32));

    public TinyBackbone() : base(nameof(TinyBackbone)) => RegisterComponents();

    public override Tensor forward(Tensor patches)
    {
        using var scope = NewDisposeScope();
        return blocks.call(shrink.call(patches)).MoveToOuterDisposeScope();
    }

    private static Sequential Block(long input, long output) => nn.Sequential(
        nn.Conv2d(input, output, kernel_size: 3, padding: 1, bias: false),
        nn.BatchNorm2d(output),
        nn.ReLU(),
        nn.MaxPool2d(kernel_size: 2));
}
