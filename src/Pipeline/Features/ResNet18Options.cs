namespace TumorWeb.Pipeline.Features;

/// <summary>Where the ResNet18 model files are and how hard to run them.</summary>
public sealed record ResNet18Options
{
    /// <summary>The build copies ResNet18.onnx and ResNetPreprocess.onnx here from their NuGet package.</summary>
    public static string DefaultModelDirectory => Path.Combine(AppContext.BaseDirectory, "Models");

    public string ModelDirectory { get; init; } = DefaultModelDirectory;

    /// <summary>ONNX Runtime's threads inside one model run.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Patches per model run. Batches beat single patches by about 1.3-1.6x on 2 CPU cores (16 and
    /// 32 measured alike) and give the same features (bench/features/README.md).
    /// </summary>
    public int BatchSize { get; init; } = 16;
}
