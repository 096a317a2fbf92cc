using TumorWeb.Pipeline.Evaluation;

namespace TumorWeb.Pipeline.Tests.Evaluation;

public class LesionMatcherTests
{
    // Two lesions on a 5 x 3 grid: label 1 in the left column, label 2 at the right end.
    private static readonly LesionMap Lesions = new(5, 3,
    [
        1, 0, 0, 0, 0,
        1, 0, 0, 0, 2,
        0, 0, 0, 0, 0,
    ], 2);

    [Fact]
    public void EachLesionKeepsItsBestHitAndMissesAreFalsePositives()
    {
        Detection[] detections = [new(0, 0, 0.4f), new(0, 1, 0.8f), new(2, 2, 0.6f)];

        var match = LesionMatcher.Match(Lesions, detections, 0);

        Assert.Equal([0.8f, null], match.LesionScores);
        Assert.Equal([0.6f], match.FalsePositiveScores);
    }

    [Fact]
    public void ToleranceLetsANearMissHitEveryLesionInReach()
    {
        // (2, 2) is sqrt(5) from both lesions; (3, 0) is sqrt(2) from lesion 2 and 3 from lesion 1.
        Detection[] detections = [new(2, 2, 0.6f), new(3, 0, 0.5f)];

        var wide = LesionMatcher.Match(Lesions, detections, 2.5);
        var narrow = LesionMatcher.Match(Lesions, detections, 1.5);

        Assert.Equal([0.6f, 0.6f], wide.LesionScores);
        Assert.Empty(wide.FalsePositiveScores);
        Assert.Equal([null, 0.5f], narrow.LesionScores);
        Assert.Equal([0.6f], narrow.FalsePositiveScores);
    }
}
