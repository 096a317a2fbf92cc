using TumorWeb.Pipeline.FeatureVectors;

namespace TumorWeb.Pipeline.Tests.FeatureVectors;

/// <summary>One loaded ResNet18 for a test class: loading parses 64 MB of model.</summary>
public sealed class ResNet18Fixture : IDisposable
{
    public ResNet18Features Features { get; } = ResNet18Features.Load(new ResNet18Options { BatchSize = 4 });

    public void Dispose() => Features.Dispose();
}
