using TumorWeb.Pipeline.Extraction.Store;

namespace TumorWeb.Pipeline.FeatureVectors.Cache;

/// <summary>
/// What makes a cached row belong to a patch: its catalog id and where its pixels lie. A catalog
/// rebuilt from scratch reuses ids for other patches, so the id alone is not enough.
/// </summary>
internal readonly record struct PatchKey(long Id, int Shard, long Offset, int Length)
{
    public const int Size = 24;

    public static PatchKey Of(FeaturePatch patch) => new(patch.Id, patch.Location.Shard, patch.Location.Offset, patch.Location.Length);

    /// <summary>How many keys from the start the two lists share.</summary>
    public static int CommonPrefix(IReadOnlyList<PatchKey> a, IReadOnlyList<PatchKey> b)
    {
        var n = Math.Min(a.Count, b.Count);
        var i = 0;
        while (i < n && a[i] == b[i]) i++;
        return i;
    }
}
