using TumorWeb.Pipeline.Progress;

namespace TumorWeb.Pipeline.Tests.Progress;

public sealed class PluralTests
{
    [Theory]
    [InlineData(1, "slide", "1 slide")]
    [InlineData(0, "slide", "0 slides")]
    [InlineData(3, "slide", "3 slides")]
    [InlineData(1, "patch", "1 patch")]
    [InlineData(2, "patch", "2 patches")]
    [InlineData(2, "epoch", "2 epochs")]
    public void CountsTakeTheirNounInTheRightNumber(long count, string noun, string expected) => Assert.Equal(expected, Plural.Of(count, noun));
}
