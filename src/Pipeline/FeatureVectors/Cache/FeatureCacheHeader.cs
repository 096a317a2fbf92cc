using System.Text.Json;
using System.Text.Json.Serialization;

namespace TumorWeb.Pipeline.FeatureVectors.Cache;

/// <summary>
/// resnet18.json: what the rows of resnet18.f32 were computed with. Rows are only reused when
/// every field but the patch count matches.
/// </summary>
internal sealed record FeatureCacheHeader(int Format, string ModelSha256, string Preprocessing, int Dimension, int PatchSize, int PatchCount)
{
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public bool SameComputation(FeatureCacheHeader other) =>
        this with { PatchCount = other.PatchCount } == other;

    public void Write(string path) => AtomicFile.Write(path, JsonSerializer.SerializeToUtf8Bytes(this, Json));

    /// <summary>The stored header, or null when there is none or it cannot be read (the rows are then recomputed).</summary>
    public static FeatureCacheHeader? Read(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<FeatureCacheHeader>(File.ReadAllBytes(path), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
