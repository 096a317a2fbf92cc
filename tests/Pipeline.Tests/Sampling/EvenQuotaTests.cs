using TumorWeb.Pipeline.Sampling;

namespace TumorWeb.Pipeline.Tests.Sampling;

public class EvenQuotaTests
{
    [Theory]
    [InlineData(7, new[] { 3, 3, 3 }, new[] { 3, 2, 2 })]
    [InlineData(10, new[] { 2, 100, 100 }, new[] { 2, 4, 4 })]
    [InlineData(20, new[] { 1, 2 }, new[] { 1, 2 })]
    [InlineData(5, new[] { 0, 5 }, new[] { 0, 5 })]
    [InlineData(0, new[] { 4, 4 }, new[] { 0, 0 })]
    [InlineData(-3, new[] { 4 }, new[] { 0 })]
    public void SharesEvenlyAndSmallSlidesGiveAllTheyHave(int needed, int[] capacities, int[] expected) =>
        Assert.Equal(expected, EvenQuota.Split(needed, capacities));
}
