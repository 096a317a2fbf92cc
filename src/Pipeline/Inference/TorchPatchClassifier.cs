using TumorWeb.Pipeline.Training;
using TumorWeb.Pipeline.Training.Models;
using TumorWeb.Pipeline.Training.Torch;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Inference;

/// <summary>
/// A trained network scoring patches: the same bytes-to-tensor conversion as training
/// (<see cref="PatchTensors"/>), eval mode, no autograd, sub-batches of at most
/// <see cref="MaxBatch"/> patches so memory stays bounded, and the sigmoid of the logits.
/// </summary>
internal sealed class TorchPatchClassifier(PatchNet net, string name, int patchSize, int maxBatch) : IPatchClassifier
{
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
            var x = PatchTensors.FromRgb(patches.Slice(start * patchBytes, n * patchBytes), n, patchSize, TorchDevice.Pick());
            net.call(x).view(-1).sigmoid().cpu().data<float>().CopyTo(scores, start);
        }
        return scores;
    }

    public void Dispose() => net.Dispose();
}
