using TorchSharp;

namespace TumorWeb.Pipeline.Training.Torch;

/// <summary>The one place that decides where tensors live: CUDA when libtorch sees a GPU, else CPU.</summary>
public static class TorchDevice
{
    private static readonly Lazy<torch.Device> Chosen = new(Choose);

    /// <summary>The device for every model and batch of this process; throws <see cref="InvalidOperationException"/> when libtorch cannot load.</summary>
    public static torch.Device Pick() => Chosen.Value;

    // With the TorchSharp-cpu package is_available() is always false; swapping in
    // TorchSharp-cuda-linux is all it takes for a GPU machine to get CUDA here.
    private static torch.Device Choose()
    {
        TorchNative.EnsureLoaded();
        return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
    }
}
