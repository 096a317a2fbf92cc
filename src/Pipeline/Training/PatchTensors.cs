using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Training;

/// <summary>
/// The one conversion from stored patches to a model's input, shared by training, validation and
/// inference: interleaved RGB bytes (rows of R, G, B) to floats in [0, 1] (the seed's
/// rescale=1/255), laid out N x 3 x H x W on the given device.
/// </summary>
public static class PatchTensors
{
    public static Tensor FromRgb(ReadOnlySpan<byte> rgb, int count, int size, Device device)
    {
        var expected = (long)count * size * size * 3;
        if (rgb.Length != expected)
            throw new ArgumentException($"{count} patches of {size}x{size} RGB need {expected} bytes, got {rgb.Length}", nameof(rgb));
        using var scope = NewDisposeScope();
        var bytes = empty([count, size, size, 3], ScalarType.Byte);
        rgb.CopyTo(bytes.bytes);
        return bytes.to(device).permute(0, 3, 1, 2).to(ScalarType.Float32).div_(255f).contiguous().MoveToOuterDisposeScope();
    }
}
