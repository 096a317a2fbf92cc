using TumorWeb.Pipeline.FeatureVectors.Cache;

namespace TumorWeb.Pipeline.Tests.FeatureVectors.Cache;

public sealed class CacheStateTests
{
    private const long Row = 512 * 4;
    private static readonly FeatureCacheHeader Wanted = new(1, "abc", "bilinear", 512, 299, 3);
    private static readonly PatchKey[] Keys = [new(1, 0, 0, 100), new(2, 0, 100, 90), new(3, 1, 0, 80)];

    [Fact]
    public void CompleteCacheOfTheSamePatchesIsUpToDate()
    {
        var state = new CacheState(Wanted, Keys, 3 * Row);
        Assert.True(state.IsUpToDate(Wanted, Keys));
        Assert.Equal(3, state.ReusableRows(Wanted, Keys));
    }

    [Fact]
    public void NoCacheReusesNothing() =>
        Assert.Equal(0, new CacheState(null, [], 0).ReusableRows(Wanted, Keys));

    [Fact]
    public void AHalfWrittenRowIsNotReused()
    {
        var state = new CacheState(Wanted, Keys, 2 * Row + 100);
        Assert.False(state.IsUpToDate(Wanted, Keys));
        Assert.Equal(2, state.ReusableRows(Wanted, Keys));
    }

    [Fact]
    public void RowsAreReusedUpToTheFirstPatchThatDiffers()
    {
        PatchKey[] moved = [Keys[0], Keys[1] with { Offset = 200 }, Keys[2]];
        Assert.Equal(1, new CacheState(Wanted, Keys, 3 * Row).ReusableRows(Wanted, moved));
    }

    [Fact]
    public void AGrownCatalogReusesEveryOldRow()
    {
        PatchKey[] grown = [.. Keys, new(4, 1, 80, 70)];
        var state = new CacheState(Wanted, Keys, 3 * Row);
        Assert.Equal(3, state.ReusableRows(Wanted with { PatchCount = 4 }, grown));
        Assert.False(state.IsUpToDate(Wanted with { PatchCount = 4 }, grown));
    }

    [Fact]
    public void AShrunkCatalogReusesItsRowsButIsNotUpToDateUntilRewritten()
    {
        var state = new CacheState(Wanted, Keys, 3 * Row);
        Assert.Equal(2, state.ReusableRows(Wanted with { PatchCount = 2 }, Keys[..2]));
        Assert.False(state.IsUpToDate(Wanted with { PatchCount = 2 }, Keys[..2]));
    }

    [Theory]
    [InlineData("model")]
    [InlineData("preprocessing")]
    [InlineData("patch size")]
    [InlineData("format")]
    public void AnyOtherComputationReusesNothing(string change)
    {
        var stored = change switch
        {
            "model" => Wanted with { ModelSha256 = "def" },
            "preprocessing" => Wanted with { Preprocessing = "nearest" },
            "patch size" => Wanted with { PatchSize = 256 },
            _ => Wanted with { Format = 0 },
        };
        Assert.Equal(0, new CacheState(stored, Keys, 3 * Row).ReusableRows(Wanted, Keys));
    }
}
