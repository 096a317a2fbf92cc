namespace TumorWeb.Pipeline.FeatureVectors;

public sealed record FeatureCacheOptions
{
    public ResNet18Options Model { get; init; } = new();

    /// <summary>Patches read, featurized and appended to the cache file at a time; a stop loses at most one chunk.</summary>
    public int ChunkSize { get; init; } = 64;

    /// <summary>Least time between progress reports.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(200);
}
