using TumorWeb.Pipeline.Synthetic;

namespace TumorWeb.Pipeline.Tests.Synthetic;

public class StarPolygonTests
{
    [Fact]
    public void OutlineIsIrregularAndWindsOnceAroundItsCentre()
    {
        var random = new SynthRandom(7);
        var star = StarPolygon.Create(500, 400, 100, ref random);
        Assert.InRange(star.Points.Count, 40, 72);
        var angles = star.Points.Select(p => Math.Atan2(p.Y - 400, p.X - 500)).ToList();
        var turns = angles.Zip(angles.Skip(1).Append(angles[0]), (a, b) => (b - a + 3 * Math.PI) % (2 * Math.PI) - Math.PI).Sum();
        Assert.Equal(2 * Math.PI, turns, 6);
        var radii = star.Points.Select(p => Math.Sqrt((p.X - 500) * (p.X - 500) + (p.Y - 400) * (p.Y - 400))).ToList();
        Assert.True(radii.Max() - radii.Min() > 10, "a tumor outline should not be a circle");
        Assert.InRange(radii.Min(), 35, 100);
    }

    [Fact]
    public void CoordinatesHaveTwoDecimalsAtMost()
    {
        var random = new SynthRandom(3);
        foreach (var p in StarPolygon.Create(1234.5678, 999.111, 80, ref random).Points)
        {
            Assert.Equal(Math.Round(p.X, 2), p.X);
            Assert.Equal(Math.Round(p.Y, 2), p.Y);
        }
    }

    [Fact]
    public void SameRandomStateGivesTheSameOutline()
    {
        var (first, second) = (new SynthRandom(5), new SynthRandom(5));
        Assert.Equal(StarPolygon.Create(10, 10, 50, ref first).Points, StarPolygon.Create(10, 10, 50, ref second).Points);
    }
}
