using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Training;

/// <summary>
/// The one conversion from stored patches to a model's input, shared by training, validation and
/// inference: interleaved RGB bytes (rows of R, G, B) to floats in [0, 1] (the seed's
/// rescale=1/255) in three planes, N x 3 x H x W. The loader converts on its own threads, ahead of
/// the model; inference converts the caller's bytes the same way.
/// </summary>
public static class PatchTensors
{
    /// <summary>One patch: <paramref name="rgb"/> (H x W x 3 bytes) into <paramref name="planes"/> (3 x H x W floats).</summary>
    public static void ToPlanes(ReadOnlySpan<byte> rgb, Span<float> planes)
    {
        if (rgb.Length % 3 != 0 || planes.Length != rgb.Length)
            throw new ArgumentException($"{rgb.Length} RGB bytes cannot fill {planes.Length} plane values");
        var pixels = rgb.Length / 3;
        var red = planes[..pixels];
        var green = planes.Slice(pixels, pixels);
        var blue = planes.Slice(2 * pixels, pixels);
        for (var i = 0; i < pixels; i++)
        {
            red[i] = rgb[3 * i] / 255f;
            green[i] = rgb[3 * i + 1] / 255f;
            blue[i] = rgb[3 * i + 2] / 255f;
        }
    }

    /// <summary>A batch tensor on <paramref name="device"/> from patches already in planes (count x 3 x size x size floats).</summary>
    public static Tensor FromPlanes(ReadOnlySpan<float> planes, int count, int size, Device device)
    {
        CheckLength(planes.Length, count, size);
        var batch = empty([count, 3, size, size], ScalarType.Float32);
        MemoryMarshal.AsBytes(planes).CopyTo(batch.bytes);
        return OnDevice(batch, device);
    }

    /// <summary>
    /// Feature rows (count x dimension floats) as a batch tensor on <paramref name="device"/>. The
    /// values are copied into memory libtorch allocates: a tensor over a managed array can start at
    /// any alignment, and the kernels then round differently, which would break bit-exact resumes.
    /// </summary>
    public static Tensor FromRows(ReadOnlySpan<float> rows, int count, int dimension, Device device)
    {
        if (rows.Length != (long)count * dimension)
            throw new ArgumentException($"{count} rows of {dimension} features need {(long)count * dimension} values, got {rows.Length}");
        var batch = empty([count, dimension], ScalarType.Float32);
        MemoryMarshal.AsBytes(rows).CopyTo(batch.bytes);
        return OnDevice(batch, device);
    }

    /// <summary>A batch tensor on <paramref name="device"/> from <paramref name="count"/> RGB patches laid end to end.</summary>
    public static Tensor FromRgb(ReadOnlySpan<byte> rgb, int count, int size, Device device)
    {
        CheckLength(rgb.Length, count, size);
        var batch = empty([count, 3, size, size], ScalarType.Float32);
        var floats = MemoryMarshal.Cast<byte, float>(batch.bytes);
        var patch = size * size * 3;
        for (var i = 0; i < count; i++)
            ToPlanes(rgb.Slice(i * patch, patch), floats.Slice(i * patch, patch));
        return OnDevice(batch, device);
    }

    private static void CheckLength(long length, int count, int size)
    {
        var expected = (long)count * size * size * 3;
        if (length != expected)
            throw new ArgumentException($"{count} patches of {size}x{size} RGB need {expected} values, got {length}");
    }

    private static Tensor OnDevice(Tensor batch, Device device)
    {
        if (batch.device == device) return batch;
        using (batch) return batch.to(device);
    }
}
