namespace TumorWeb.Pipeline.FeatureVectors.Cache;

/// <summary>What a feature cache on disk holds, compared with what the catalog wants.</summary>
internal sealed record CacheState(FeatureCacheHeader? Header, IReadOnlyList<PatchKey> Keys, long FeatureBytes)
{
    /// <summary>Rows at the start of the cache that hold the features of the wanted patches.</summary>
    public int ReusableRows(FeatureCacheHeader wanted, IReadOnlyList<PatchKey> wantedKeys)
    {
        if (Header is null || !Header.SameComputation(wanted)) return 0;
        var completeRows = FeatureBytes / RowBytes(wanted);
        return (int)Math.Min(completeRows, PatchKey.CommonPrefix(Keys, wantedKeys));
    }

    /// <summary>Nothing to compute and nothing to rewrite.</summary>
    public bool IsUpToDate(FeatureCacheHeader wanted, IReadOnlyList<PatchKey> wantedKeys) =>
        Header == wanted && Keys.Count == wantedKeys.Count &&
        ReusableRows(wanted, wantedKeys) == wantedKeys.Count &&
        FeatureBytes == wantedKeys.Count * RowBytes(wanted);

    public static long RowBytes(FeatureCacheHeader header) => (long)header.Dimension * sizeof(float);
}
