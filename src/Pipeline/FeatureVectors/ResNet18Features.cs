using System.Buffers;
using Microsoft.ML.OnnxRuntime;
using TumorWeb.Pipeline.FeatureVectors.Onnx;

namespace TumorWeb.Pipeline.FeatureVectors;

/// <summary>
/// The frozen ImageNet base of model 1: ResNet18 (ML.NET's DnnImageFeaturizer model, trained in
/// CNTK) run by ONNX Runtime on the CPU, 512 features per patch. Thread-safe.
/// </summary>
public sealed class ResNet18Features : IFeatureBase
{
    public const int Dimension = 512;
    public const int InputSide = 224;
    public const string Name = "resnet18";

    /// <summary>Recorded in feature caches: changing how patches are prepared invalidates them.</summary>
    public const string Preprocessing = "bilinear half-pixel resize to 224, BGR planes 0-255 minus the ResNetPreprocess mean image";

    private readonly InferenceSession _session;
    private readonly PatchPreprocessor _preprocessor;
    private readonly string _inputName;
    private readonly int _batchSize;

    private ResNet18Features(InferenceSession session, PatchPreprocessor preprocessor, int batchSize, string modelHash)
    {
        _session = session;
        _preprocessor = preprocessor;
        _inputName = session.InputNames.Single();
        _batchSize = batchSize;
        ModelHash = modelHash;
    }

    /// <summary>SHA-256 of the two model files.</summary>
    public string ModelHash { get; }

    string IFeatureBase.CacheName => Name;
    int IFeatureBase.Dimension => Dimension;
    string IFeatureBase.Preprocessing => Preprocessing;

    /// <summary>The <see cref="ModelHash"/> the files in options' folder would give, without loading them.</summary>
    public static string ModelHashOf(ResNet18Options options) =>
        ResNet18ModelFiles.Hash(
            ResNet18ModelFiles.Read(options.ModelDirectory, ResNet18ModelFiles.ModelFile),
            ResNet18ModelFiles.Read(options.ModelDirectory, ResNet18ModelFiles.PreprocessFile));

    public static ResNet18Features Load(ResNet18Options? options = null)
    {
        options ??= new ResNet18Options();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        var directory = options.ModelDirectory;
        var preprocessBytes = ResNet18ModelFiles.Read(directory, ResNet18ModelFiles.PreprocessFile);
        var modelBytes = ResNet18ModelFiles.Read(directory, ResNet18ModelFiles.ModelFile);
        using var sessionOptions = SessionOptions(options.Threads);
        float[] mean;
        using (var preprocess = ResNet18ModelFiles.Load(directory, ResNet18ModelFiles.PreprocessFile, preprocessBytes, sessionOptions))
            mean = MeanImage.FromPreprocessModel(preprocess, InputSide, Path.Combine(directory, ResNet18ModelFiles.PreprocessFile));
        var session = ResNet18ModelFiles.Load(directory, ResNet18ModelFiles.ModelFile, modelBytes, sessionOptions, bytes => DynamicBatch.Apply(bytes));
        try
        {
            EnsureShapes(session, Path.Combine(directory, ResNet18ModelFiles.ModelFile));
            var hash = ResNet18ModelFiles.Hash(modelBytes, preprocessBytes);
            return new ResNet18Features(session, new PatchPreprocessor(InputSide, mean), options.BatchSize, hash);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Features of count square RGB patches laid one after another: count x 512 floats.</summary>
    public float[] Extract(ReadOnlySpan<byte> rgbPatches, int count, int patchSize)
    {
        var features = new float[count * Dimension];
        Extract(rgbPatches, count, patchSize, features);
        return features;
    }

    public void Extract(ReadOnlySpan<byte> rgbPatches, int count, int patchSize, Span<float> features)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(patchSize, 1);
        var patchBytes = patchSize * patchSize * 3;
        if (rgbPatches.Length != (long)count * patchBytes)
            throw new ArgumentException($"{count} patches of {patchSize}x{patchSize} RGB need {(long)count * patchBytes} bytes, got {rgbPatches.Length}", nameof(rgbPatches));
        if (features.Length != count * Dimension)
            throw new ArgumentException($"{count} patches need {count * Dimension} feature floats, got {features.Length}", nameof(features));
        var taps = ResizeTaps.Create(patchSize, InputSide);
        for (var start = 0; start < count; start += _batchSize)
        {
            var n = Math.Min(_batchSize, count - start);
            RunBatch(rgbPatches.Slice(start * patchBytes, n * patchBytes), n, patchSize, taps, features.Slice(start * Dimension, n * Dimension));
        }
    }

    public void Dispose() => _session.Dispose();

    private void RunBatch(ReadOnlySpan<byte> rgb, int count, int patchSize, ResizeTaps taps, Span<float> features)
    {
        var inputLength = _preprocessor.InputLength;
        var patchBytes = patchSize * patchSize * 3;
        var input = ArrayPool<float>.Shared.Rent(count * inputLength);
        try
        {
            for (var i = 0; i < count; i++)
                _preprocessor.Write(rgb.Slice(i * patchBytes, patchBytes), patchSize, taps, input.AsSpan(i * inputLength, inputLength));
            using var tensor = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance,
                input.AsMemory(0, count * inputLength), [count, 3, InputSide, InputSide]);
            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, [_inputName], [tensor], _session.OutputNames);
            outputs[0].GetTensorDataAsSpan<float>().CopyTo(features);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(input);
        }
    }

    private static SessionOptions SessionOptions(int threads) => new()
    {
        IntraOpNumThreads = threads,
        InterOpNumThreads = 1,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
    };

    private static void EnsureShapes(InferenceSession session, string path)
    {
        var input = session.InputMetadata.Values.Single().Dimensions;
        var output = session.OutputMetadata.Values.Single().Dimensions;
        if (!input.SequenceEqual([-1, 3, InputSide, InputSide]) || !output.SequenceEqual([-1, Dimension, 1, 1]))
            throw new InvalidDataException(
                $"{path}: expected input [batch,3,{InputSide},{InputSide}] and output [batch,{Dimension},1,1], " +
                $"found [{string.Join(",", input)}] and [{string.Join(",", output)}]");
    }
}
