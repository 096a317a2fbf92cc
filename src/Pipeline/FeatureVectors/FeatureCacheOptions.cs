using TumorWeb.Pipeline.Stain;

namespace TumorWeb.Pipeline.FeatureVectors;

public sealed record FeatureCacheOptions
{
    public ResNet18Options Model { get; init; } = new();

    /// <summary>Patches read, featurized and appended to the cache file at a time; a stop loses at most one chunk.</summary>
    public int ChunkSize { get; init; } = 64;

    /// <summary>Least time between progress reports.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Stain normalisation per catalog slide id, applied to each patch before the base sees it; the
    /// rows then go to a cache of their own, named with <see cref="ColorKey"/>, beside the raw one.
    /// </summary>
    public IReadOnlyDictionary<int, IPatchColor>? SlideColors { get; init; }

    /// <summary>Names the colour space of <see cref="SlideColors"/> (e.g. "macenko-3f2a..."); null for raw colours.</summary>
    public string? ColorKey { get; init; }
}
