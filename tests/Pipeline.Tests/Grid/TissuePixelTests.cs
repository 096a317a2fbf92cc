using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Pipeline.Tests.Grid;

public class TissuePixelTests
{
    [Theory]
    [InlineData(200, 120, 170, 102)]
    [InlineData(255, 0, 0, 255)]
    [InlineData(240, 240, 240, 0)]
    [InlineData(0, 0, 0, 0)]
    [InlineData(10, 5, 5, 128)]
    [InlineData(3, 2, 1, 170)]
    public void SaturationIsMaxMinusMinOverMaxIn0To255(byte r, byte g, byte b, byte expected) =>
        Assert.Equal(expected, TissuePixel.Saturation(r, g, b));

    [Theory]
    [InlineData(240, 240, 240, true)]
    [InlineData(221, 230, 250, true)]
    [InlineData(220, 250, 250, false)]
    [InlineData(200, 120, 170, false)]
    public void NearWhiteNeedsEveryChannelAbove220(byte r, byte g, byte b, bool expected) =>
        Assert.Equal(expected, TissuePixel.IsNearWhite(r, g, b));

    [Theory]
    [InlineData(29, 10, 0, true)]
    [InlineData(30, 0, 0, false)]
    public void NearBlackNeedsEveryChannelBelow30(byte r, byte g, byte b, bool expected) =>
        Assert.Equal(expected, TissuePixel.IsNearBlack(r, g, b));
}
