using TumorWeb.Pipeline.Evaluation;

namespace TumorWeb.Pipeline.Tests.Evaluation;

public class RocTests
{
    private const bool T = true, F = false;
    private static readonly double Inf = double.PositiveInfinity;

    [Fact]
    public void DistinctScoresGiveOneStepEach()
    {
        var curve = Roc.Curve([0.1f, 0.4f, 0.35f, 0.8f], [F, F, T, T]);

        Assert.Equal(
            [new(0, 0, Inf), new(0, 0.5, 0.8f), new(0.5, 0.5, 0.4f), new(0.5, 1, 0.35f), new(1, 1, 0.1f)],
            curve.Points);
        Assert.Equal(0.75, curve.Auc);
    }

    [Fact]
    public void AllScoresTiedGiveOneDiagonalStep()
    {
        var curve = Roc.Curve([0.5f, 0.5f, 0.5f, 0.5f], [T, F, T, F]);

        Assert.Equal([new(0, 0, Inf), new(1, 1, 0.5f)], curve.Points);
        Assert.Equal(0.5, curve.Auc);
    }

    [Fact]
    public void ATieAcrossClassesCountsHalf()
    {
        var curve = Roc.Curve([0.9f, 0.5f, 0.5f, 0.1f], [T, T, F, F]);

        Assert.Equal([new(0, 0, Inf), new(0, 0.5, 0.9f), new(0.5, 1, 0.5f), new(1, 1, 0.1f)], curve.Points);
        Assert.Equal(0.875, curve.Auc);
    }

    [Fact]
    public void PerfectClassifierScoresOne()
    {
        var curve = Roc.Curve([0.2f, 0.9f, 0.1f, 0.8f], [F, T, F, T]);

        Assert.Equal(1.0, curve.Auc);
        Assert.Contains(new RocPoint(0, 1, 0.8f), curve.Points);
    }

    [Fact]
    public void ReversedClassifierScoresZero()
    {
        var curve = Roc.Curve([0.2f, 0.9f, 0.1f, 0.8f], [T, F, T, F]);

        Assert.Equal(0.0, curve.Auc);
        Assert.Contains(new RocPoint(1, 0, 0.8f), curve.Points);
    }

    [Theory]
    [InlineData(new[] { 0.3f, 0.7f }, new[] { true, true })]
    [InlineData(new[] { 0.3f, 0.7f }, new[] { false, false })]
    [InlineData(new float[0], new bool[0])]
    public void IsUndefinedWhenAClassIsMissing(float[] scores, bool[] labels)
    {
        var curve = Roc.Curve(scores, labels);

        Assert.True(double.IsNaN(curve.Auc));
        Assert.Empty(curve.Points);
        Assert.False(curve.IsDefined);
    }

    [Theory]
    [InlineData(1, 50)]
    [InlineData(2, 500)]
    [InlineData(3, 5000)]
    public void AucEqualsTheMannWhitneyCountWithManyTies(int seed, int count)
    {
        var random = new Random(seed);
        var scores = Enumerable.Range(0, count).Select(_ => random.Next(6) / 5f).ToArray();
        var labels = scores.Select(s => random.NextDouble() < 0.2 + 0.6 * s).ToArray();

        Assert.Equal(MannWhitney(scores, labels), Roc.Curve(scores, labels).Auc);
    }

    [Fact]
    public void CurveRisesMonotonicallyToTheCorner()
    {
        var random = new Random(7);
        var scores = Enumerable.Range(0, 2000).Select(_ => random.Next(100) / 99f).ToArray();
        var labels = scores.Select(_ => random.Next(2) == 0).ToArray();

        var points = Roc.Curve(scores, labels).Points;

        Assert.Equal(new RocPoint(1, 1, 0f), points[^1]);
        Assert.Equal(scores.Distinct().Count() + 1, points.Count);
        Assert.All(points.Zip(points.Skip(1)), pair =>
        {
            Assert.True(pair.Second.FalsePositiveRate >= pair.First.FalsePositiveRate);
            Assert.True(pair.Second.TruePositiveRate >= pair.First.TruePositiveRate);
            Assert.True(pair.Second.Threshold < pair.First.Threshold);
        });
    }

    [Fact]
    public void MismatchedLengthsAreRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Roc.Curve([0.1f, 0.2f], [T]));
        Assert.Contains("2 scores but 1 labels", error.Message);
    }

    [Fact]
    public void NaNScoreIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Roc.Curve([0.1f, float.NaN], [T, F]));
        Assert.Contains("score 1 is NaN", error.Message);
    }

    private static double MannWhitney(float[] scores, bool[] labels)
    {
        double wins = 0;
        long pairs = 0;
        for (var p = 0; p < scores.Length; p++)
        for (var n = 0; n < scores.Length; n++)
        {
            if (!labels[p] || labels[n])
                continue;
            pairs++;
            wins += scores[p] > scores[n] ? 1 : scores[p] == scores[n] ? 0.5 : 0;
        }
        return wins / pairs;
    }
}
