using TumorWeb.Pipeline.Synthetic;

namespace TumorWeb.Pipeline.Tests.Synthetic;

public class SlideNamesTests
{
    [Fact]
    public void TumorSlidesComeFirstThenNormalOnes() =>
        Assert.Equal([("tumor_001", true), ("tumor_002", true), ("normal_001", false)], SlideNames.For(2, 1));

    [Fact]
    public void NumbersGrowPastThreeDigits() =>
        Assert.Equal("tumor_1000", SlideNames.For(1000, 0)[^1].Name);
}
