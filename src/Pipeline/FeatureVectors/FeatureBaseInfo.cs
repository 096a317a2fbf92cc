namespace TumorWeb.Pipeline.FeatureVectors;

/// <summary>What a feature cache records about the base that computed it; known before the base is loaded.</summary>
internal sealed record FeatureBaseInfo(string CacheName, string ModelHash, string Preprocessing, int Dimension)
{
    public static FeatureBaseInfo Of(IFeatureBase model) => new(model.CacheName, model.ModelHash, model.Preprocessing, model.Dimension);
}
