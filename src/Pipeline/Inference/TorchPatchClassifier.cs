using TumorWeb.Pipeline.Training;
using TumorWeb.Pipeline.Training.Torch;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Inference;

/// <summary>Turns <paramref name="count"/> RGB patches laid end to end into a network's input on the device.</summary>
internal delegate Tensor PatchInput(ReadOnlySpan<byte> rgb, int count);

/// <summary>
/// A trained network scoring patches: the same bytes-to-input conversion as training (pixels by
/// <see cref="PatchTensors"/>, or the frozen base's features for a head trained on cached ones),
/// eval mode, no autograd, sub-batches of at most <see cref="MaxBatch"/> patches so memory stays
/// bounded, and the sigmoid of the logits.
/// </summary>
internal sealed class TorchPatchClassifier(nn.Module<Tensor, Tensor> net, string name, int patchSize, int maxBatch,
    PatchInput? input = null, IDisposable? inputOwner = null) : IPatchClassifier
{
    private readonly PatchInput _input = input ?? ((rgb, count) => PatchTensors.FromRgb(rgb, count, patchSize, TorchDevice.Pick()));

    public string Name => name;
    public int PatchSize => patchSize;
    public int MaxBatch => maxBatch;

    public float[] Score(ReadOnlySpan<byte> patches, int count)
    {
        var patchBytes = patchSize * patchSize * 3;
        if (count < 0 || patches.Length != (long)count * patchBytes)
            throw new ArgumentException($"{name}: {count} patches of {patchSize}x{patchSize} RGB need {(long)count * patchBytes} bytes, got {patches.Length}");
        var scores = new float[count];
        net.eval();
        using var _ = no_grad();
        for (var start = 0; start < count; start += maxBatch)
        {
            var n = Math.Min(maxBatch, count - start);
            using var scope = NewDisposeScope();
            var x = _input(patches.Slice(start * patchBytes, n * patchBytes), n);
            net.call(x).view(-1).sigmoid().cpu().data<float>().CopyTo(scores, start);
        }
        return scores;
    }

    public void Dispose()
    {
        net.Dispose();
        inputOwner?.Dispose();
    }
}
