using TumorWeb.Pipeline.Synthetic;

namespace TumorWeb.Pipeline.Tests.Synthetic;

public class SynthPolygonTests
{
    // An L shape: the 4x4 square from (0,0) without its top-right 2x2 quarter.
    private static readonly SynthPolygon L = new([new(0, 0), new(2, 0), new(2, 2), new(4, 2), new(4, 4), new(0, 4)]);

    [Fact]
    public void AreaIsPositiveWhateverTheWinding()
    {
        Assert.Equal(12, L.Area);
        Assert.Equal(12, new SynthPolygon(L.Points.Reverse().ToList()).Area);
    }

    [Fact]
    public void BoundsSpanThePoints() => Assert.Equal((0.0, 4.0, 0.0, 4.0), (L.MinX, L.MaxX, L.MinY, L.MaxY));

    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(3, 3, true)]
    [InlineData(3, 1, false)]
    [InlineData(5, 3, false)]
    [InlineData(-0.5, 3, false)]
    public void ContainsFollowsTheOutline(double x, double y, bool inside) => Assert.Equal(inside, L.Contains(x, y));
}
