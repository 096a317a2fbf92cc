using TorchSharp;
using TumorWeb.Pipeline.Training.Torch;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Tests.Training.Torch;

public class InceptionV3Tests
{
    [Fact]
    public void InceptionV3WithOneOutputScoresEachPatchOfABatchInEvalMode()
    {
        TorchNative.EnsureLoaded();
        torch.manual_seed(7);
        using var model = torchvision.models.inception_v3(num_classes: 1, device: TorchDevice.Pick());
        model.eval();
        using var patches = torch.rand(2, 3, 299, 299, device: TorchDevice.Pick());

        using var _ = no_grad();
        using var scores = model.forward(patches);

        Assert.Equal([2L, 1L], scores.shape);
        Assert.True(scores.isfinite().all().item<bool>());
    }
}
