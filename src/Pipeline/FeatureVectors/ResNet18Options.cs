namespace TumorWeb.Pipeline.FeatureVectors;

/// <summary>Where the ResNet18 model files are and how hard to run them.</summary>
public sealed record ResNet18Options
{
    /// <summary>The build copies ResNet18.onnx and ResNetPreprocess.onnx here from their NuGet package.</summary>
    public static string DefaultModelDirectory => Path.Combine(AppContext.BaseDirectory, "Models");

    public string ModelDirectory { get; init; } = DefaultModelDirectory;

    /// <summary>
    /// ONNX Runtime's threads inside one model run. Its threads spin between operators, so on a
    /// machine whose cores are busy with other work, fewer threads can be faster.
    /// </summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Patches per model run. On 2 CPU cores batches of 8 to 32 ran up to 10% faster than single
    /// patches and alike among themselves (bench/features/README.md); 8 keeps activations near
    /// 30 MB. The features do not depend on the batch.
    /// </summary>
    public int BatchSize { get; init; } = 8;
}
