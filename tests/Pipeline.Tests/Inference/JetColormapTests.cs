using TumorWeb.Pipeline.Inference.Output;

namespace TumorWeb.Pipeline.Tests.Inference;

public class JetColormapTests
{
    [Theory]
    [InlineData(0f, 0, 0, 128)]
    [InlineData(0.25f, 0, 128, 255)]
    [InlineData(0.5f, 123, 255, 123)]
    [InlineData(0.75f, 255, 151, 0)]
    [InlineData(1f, 128, 0, 0)]
    public void JetColoursMatchMatplotlibsSegments(float value, byte r, byte g, byte b) =>
        Assert.Equal((r, g, b), JetColormap.Colour(value));

    [Fact]
    public void ValuesOutsideTheUnitRangeAndNaNAreClamped()
    {
        Assert.Equal(JetColormap.Colour(0), JetColormap.Colour(-3));
        Assert.Equal(JetColormap.Colour(0), JetColormap.Colour(float.NaN));
        Assert.Equal(JetColormap.Colour(1), JetColormap.Colour(7));
    }
}
