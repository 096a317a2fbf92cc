using TumorWeb.Pipeline.Training.Loading;

namespace TumorWeb.Pipeline.Tests.Training.Loading;

public sealed class EpochOrderTests
{
    [Fact]
    public void EachEpochIsAPermutationFixedBySeedAndEpoch()
    {
        var first = EpochOrder.For(seed: 5, epoch: 0, count: 50);

        Assert.Equal(Enumerable.Range(0, 50), first.Order());
        Assert.Equal(first, EpochOrder.For(5, 0, 50));
        Assert.NotEqual(first, EpochOrder.For(5, 1, 50));
        Assert.NotEqual(first, EpochOrder.For(6, 0, 50));
        Assert.NotEqual(Enumerable.Range(0, 50), first);
    }

    [Fact]
    public void BatchesCoverEveryPatchWithAShortLastBatch()
    {
        Assert.Equal(4, EpochPlan.BatchesIn(25, 8));
        Assert.Equal(3, EpochPlan.BatchesIn(24, 8));
        Assert.Equal(0, EpochPlan.BatchesIn(0, 8));
    }
}
