namespace TumorWeb.Pipeline.FeatureVectors;

/// <summary>
/// A frozen ImageNet base that turns patches into feature rows: ResNet18 by ONNX Runtime (shipped)
/// or a user's TorchScript network. Its rows are cached per extraction under
/// features/<see cref="CacheName"/>.*, keyed on <see cref="ModelHash"/> and <see cref="Preprocessing"/>.
/// </summary>
public interface IFeatureBase : IDisposable
{
    /// <summary>The file stem of its cache, e.g. "resnet18".</summary>
    string CacheName { get; }

    /// <summary>Features per patch.</summary>
    int Dimension { get; }

    /// <summary>SHA-256 of the model file(s): a cache or a trained head only fits the model that made its rows.</summary>
    string ModelHash { get; }

    /// <summary>How a patch becomes the model's input, recorded in the cache so a change invalidates it.</summary>
    string Preprocessing { get; }

    /// <summary>Features of <paramref name="count"/> square RGB patches laid end to end: count x <see cref="Dimension"/> floats.</summary>
    void Extract(ReadOnlySpan<byte> rgbPatches, int count, int patchSize, Span<float> features);
}
