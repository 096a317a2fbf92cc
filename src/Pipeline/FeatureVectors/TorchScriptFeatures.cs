using System.Runtime.InteropServices;
using System.Security.Cryptography;
using TumorWeb.Pipeline.Training;
using TumorWeb.Pipeline.Training.Torch;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.FeatureVectors;

/// <summary>
/// A user's frozen base as a TorchScript file (e.g. torchvision's inception_v3 with ImageNet
/// weights, traced with fc = Identity; bench/torchscript/make_inception_torchscript.py). It takes
/// what torchvision's ImageNet models take: N x 3 x H x W RGB in [0, 1] normalized with ImageNet's
/// mean and std, here at the stored patch's side; it returns N x D features (N x D x 1 x 1 works too).
/// </summary>
public sealed class TorchScriptFeatures : IFeatureBase
{
    public const string Preprocessing = "RGB 0-1 at the patch side, normalized with ImageNet mean (0.485, 0.456, 0.406) and std (0.229, 0.224, 0.225)";

    private static readonly float[] Mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] Std = [0.229f, 0.224f, 0.225f];

    private readonly jit.ScriptModule<Tensor, Tensor> _module;
    private readonly int _batchSize;

    private TorchScriptFeatures(jit.ScriptModule<Tensor, Tensor> module, string path, string hash, int dimension, int batchSize)
    {
        _module = module;
        _batchSize = batchSize;
        Path = path;
        ModelHash = hash;
        Dimension = dimension;
    }

    public string Path { get; }
    public string ModelHash { get; }
    public int Dimension { get; }
    public string CacheName => "torchscript-" + ModelHash[..12];
    string IFeatureBase.Preprocessing => Preprocessing;

    /// <summary>True when the file is a TorchScript archive (a zip), not a TorchSharp state dict; reads 4 bytes.</summary>
    public static bool IsTorchScript(string path)
    {
        if (!File.Exists(path)) return false;
        Span<byte> magic = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual("PK\u0003\u0004"u8);
    }

    /// <summary>Loads the module and runs it once on a blank patch to learn its feature count; errors name the file.</summary>
    public static TorchScriptFeatures Load(string path, int patchSize, int batchSize = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: TorchScript file not found", path);
        TorchNative.EnsureLoaded();
        var bytes = File.ReadAllBytes(path);
        jit.ScriptModule<Tensor, Tensor> module;
        try
        {
            module = jit.load<Tensor, Tensor>(bytes, TorchDevice.Pick());
        }
        catch (Exception e) when (e is ExternalException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path}: cannot be loaded as a TorchScript module: {e.Message}", e);
        }
        module.eval();
        try
        {
            var dimension = FeatureCount(module, path, patchSize);
            return new TorchScriptFeatures(module, System.IO.Path.GetFullPath(path), Convert.ToHexStringLower(SHA256.HashData(bytes)), dimension, batchSize);
        }
        catch
        {
            module.Dispose();
            throw;
        }
    }

    public void Extract(ReadOnlySpan<byte> rgbPatches, int count, int patchSize, Span<float> features)
    {
        var patchBytes = patchSize * patchSize * 3;
        if (rgbPatches.Length != (long)count * patchBytes)
            throw new ArgumentException($"{count} patches of {patchSize}x{patchSize} RGB need {(long)count * patchBytes} bytes, got {rgbPatches.Length}", nameof(rgbPatches));
        if (features.Length != count * Dimension)
            throw new ArgumentException($"{count} patches need {count * Dimension} feature floats, got {features.Length}", nameof(features));
        using var _ = no_grad();
        for (var start = 0; start < count; start += _batchSize)
        {
            var n = Math.Min(_batchSize, count - start);
            using var scope = NewDisposeScope();
            var x = PatchTensors.FromRgb(rgbPatches.Slice(start * patchBytes, n * patchBytes), n, patchSize, TorchDevice.Pick());
            var rows = Run(_module, x).reshape(n, Dimension).cpu().contiguous();
            rows.data<float>().CopyTo(features.Slice(start * Dimension, n * Dimension));
        }
    }

    public void Dispose() => _module.Dispose();

    private static Tensor Run(jit.ScriptModule<Tensor, Tensor> module, Tensor patches)
    {
        var mean = tensor(Mean, device: patches.device).view(1, 3, 1, 1);
        var std = tensor(Std, device: patches.device).view(1, 3, 1, 1);
        return module.call((patches - mean) / std);
    }

    private static int FeatureCount(jit.ScriptModule<Tensor, Tensor> module, string path, int patchSize)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        Tensor output;
        try
        {
            output = Run(module, zeros(2, 3, patchSize, patchSize, device: TorchDevice.Pick()));
        }
        catch (Exception e) when (e is ExternalException or InvalidCastException or ArgumentException)
        {
            throw new InvalidDataException($"{path}: the TorchScript module fails on a batch of 2 x 3 x {patchSize} x {patchSize}: {e.Message}", e);
        }
        var shape = output.shape;
        var flat = shape.Length >= 2 && shape[0] == 2 && shape.Skip(2).All(d => d == 1);
        if (!flat)
            throw new InvalidDataException(
                $"{path}: the TorchScript module returns [{string.Join(",", shape)}] for 2 patches; a frozen base must return features " +
                "[N,D] (or [N,D,1,1]): drop the classifier (fc = Identity) before tracing");
        return checked((int)shape[1]);
    }
}
