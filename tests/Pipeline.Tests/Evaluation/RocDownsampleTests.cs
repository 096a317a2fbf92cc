using TumorWeb.Pipeline.Evaluation;

namespace TumorWeb.Pipeline.Tests.Evaluation;

public class RocDownsampleTests
{
    private const bool T = true, F = false;

    [Fact]
    public void ACurveThatFitsIsKeptWhole()
    {
        var curve = Roc.Curve([0.1f, 0.4f, 0.35f, 0.8f], [F, F, T, T]);

        Assert.Same(curve, Roc.Downsample(curve, 5));
    }

    [Fact]
    public void StraightRunsShrinkToTheirCorners()
    {
        var curve = Roc.Curve([0.9f, 0.8f, 0.7f, 0.6f, 0.5f], [T, T, F, F, F]);

        var small = Roc.Downsample(curve, 4);

        Assert.Equal([new(0, 0, double.PositiveInfinity), new(0, 1, 0.8f), new(1, 1, 0.5f)], small.Points);
        Assert.Equal(1.0, small.Auc);
    }

    [Theory]
    [InlineData(11, 50)]
    [InlineData(12, 10)]
    [InlineData(13, 2)]
    public void ManyCornersAreThinnedWithinTheErrorBound(int seed, int maxPoints)
    {
        var random = new Random(seed);
        var scores = Enumerable.Range(0, 20000).Select(_ => (float)random.NextDouble()).ToArray();
        var labels = scores.Select(s => random.NextDouble() < s).ToArray();
        var curve = Roc.Curve(scores, labels);

        var small = Roc.Downsample(curve, maxPoints);

        Assert.InRange(small.Points.Count, 2, maxPoints);
        Assert.Equal(curve.Points[0], small.Points[0]);
        Assert.Equal(curve.Points[^1], small.Points[^1]);
        Assert.All(small.Points, p => Assert.Contains(p, curve.Points));
        Assert.Equal(curve.Auc, small.Auc);
        var bound = 2.0 / (maxPoints - 1);
        Assert.All(curve.Points, p => Assert.True(DistanceToPolyline(p, small.Points) <= bound));
    }

    [Fact]
    public void FewerThanTwoPointsIsRejected()
    {
        var curve = Roc.Curve([0.1f, 0.4f, 0.35f, 0.8f], [F, F, T, T]);

        Assert.Throws<ArgumentOutOfRangeException>(() => Roc.Downsample(curve, 1));
    }

    private static double DistanceToPolyline(RocPoint p, IReadOnlyList<RocPoint> line) =>
        line.Zip(line.Skip(1)).Min(s => DistanceToSegment(p, s.First, s.Second));

    private static double DistanceToSegment(RocPoint p, RocPoint a, RocPoint b)
    {
        double dx = b.FalsePositiveRate - a.FalsePositiveRate, dy = b.TruePositiveRate - a.TruePositiveRate;
        double px = p.FalsePositiveRate - a.FalsePositiveRate, py = p.TruePositiveRate - a.TruePositiveRate;
        var t = Math.Clamp((px * dx + py * dy) / (dx * dx + dy * dy), 0, 1);
        return Math.Sqrt(Math.Pow(px - t * dx, 2) + Math.Pow(py - t * dy, 2));
    }
}
