using TumorWeb.Pipeline.FeatureVectors;
using TumorWeb.Pipeline.Tests.Extraction;

namespace TumorWeb.Pipeline.Tests.FeatureVectors.Cache;

/// <summary>The synthetic slides and the model, made once for every feature-cache test; each extraction on first use.</summary>
public sealed class FeatureFixture : IDisposable
{
    private readonly SyntheticDatasetFixture _dataset = new();
    private readonly Lazy<ExtractedDataset> _seedSampling;
    private readonly Lazy<ExtractedDataset> _everyTumorCell;

    public FeatureFixture()
    {
        _seedSampling = new(() => new ExtractedDataset(_dataset.Directory, Model, o => o));
        _everyTumorCell = new(() => new ExtractedDataset(_dataset.Directory, Model, o => o with { TumorFraction = 1, NormalPerTumor = 1 }));
    }

    public ResNet18Features Model { get; } = ResNet18Features.Load();

    /// <summary>The seed's sampling: about 50 patches, cheap to featurize again.</summary>
    public ExtractedDataset SeedSampling => _seedSampling.Value;

    /// <summary>Every tumor cell and as many normals: about 190 patches, enough to train and judge a linear head.</summary>
    public ExtractedDataset EveryTumorCell => _everyTumorCell.Value;

    public void Dispose()
    {
        if (_seedSampling.IsValueCreated) _seedSampling.Value.Dispose();
        if (_everyTumorCell.IsValueCreated) _everyTumorCell.Value.Dispose();
        Model.Dispose();
        _dataset.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class FeatureCollection : ICollectionFixture<FeatureFixture>
{
    public const string Name = "feature cache";
}
