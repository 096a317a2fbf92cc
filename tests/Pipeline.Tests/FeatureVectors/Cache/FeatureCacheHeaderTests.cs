using TumorWeb.Pipeline.FeatureVectors.Cache;
using TumorWeb.Pipeline.Tests.Extraction.Store;

namespace TumorWeb.Pipeline.Tests.FeatureVectors.Cache;

public sealed class FeatureCacheHeaderTests
{
    private static readonly FeatureCacheHeader Header = new(1, "abc", "bilinear", 512, 299, 42);

    [Fact]
    public void HeaderRoundTripsThroughReadableJson()
    {
        using var dir = new TempDirectory();
        var path = dir.File("resnet18.json");
        Header.Write(path);
        Assert.Contains("\"modelSha256\": \"abc\"", File.ReadAllText(path));
        Assert.Equal(Header, FeatureCacheHeader.Read(path));
    }

    [Fact]
    public void AnUnreadableHeaderCountsAsNoCache()
    {
        using var dir = new TempDirectory();
        var path = dir.File("resnet18.json");
        File.WriteAllText(path, "{\"format\": 1, \"modelSha2");
        Assert.Null(FeatureCacheHeader.Read(path));
    }

    [Fact]
    public void OnlyThePatchCountMayDifferForTheSameComputation()
    {
        Assert.True(Header.SameComputation(Header with { PatchCount = 7 }));
        Assert.False(Header.SameComputation(Header with { Dimension = 256 }));
    }
}
