using TumorWeb.Pipeline.Evaluation;

namespace TumorWeb.Pipeline.Tests.Evaluation;

public class FrocSweepTests
{
    [Fact]
    public void ALesionAndAFalsePositiveWithTheSameScoreAreOneStep()
    {
        var curve = FrocSweep.Curve([0.9f, 0.5f], [0.5f, 0.2f], lesionCount: 3, slideCount: 2);

        Assert.Equal(
        [
            new(double.PositiveInfinity, 0, 0), new(0.9f, 0, 1.0 / 3),
            new(0.5f, 0.5, 2.0 / 3), new(0.2f, 1, 2.0 / 3),
        ], curve);
        Assert.Equal(1.0 / 3, FrocSweep.SensitivityAt(curve, 0.25));
        Assert.Equal(2.0 / 3, FrocSweep.SensitivityAt(curve, 0.5));
        Assert.Equal(2.0 / 3, FrocSweep.SensitivityAt(curve, 8));
    }

    [Fact]
    public void NoLesionsLeavesSensitivityUndefined()
    {
        var curve = FrocSweep.Curve([], [0.4f], lesionCount: 0, slideCount: 1);

        Assert.All(curve, p => Assert.True(double.IsNaN(p.Sensitivity)));
        Assert.Equal(1.0, curve[^1].AverageFalsePositives);
    }

    [Fact]
    public void NormalSlideFalsePositivesAreCountedAtTheHighestThresholdThatReachesTheSensitivity()
    {
        // Lesions hit at 0.9 and 0.5 of 3: two thirds are found from threshold 0.5 down.
        var curve = FrocSweep.Curve([0.9f, 0.5f], [0.7f, 0.5f, 0.2f], lesionCount: 3, slideCount: 4);

        // Two normal slides' false positives: 0.7 and 0.5 are at or above 0.5, 0.2 is not.
        Assert.Equal(1.0, FrocSweep.FalsePositivesPerNormalSlide(curve, [0.7f, 0.5f, 0.2f], normalSlideCount: 2, sensitivity: 0.6));
        Assert.Equal(0.0, FrocSweep.FalsePositivesPerNormalSlide(curve, [0.7f, 0.5f, 0.2f], normalSlideCount: 2, sensitivity: 0.3));
    }

    [Fact]
    public void NormalSlideFalsePositivesAreUndefinedWhenTheSensitivityIsNeverReachedOrNoSlideIsNormal()
    {
        var curve = FrocSweep.Curve([0.9f], [0.4f], lesionCount: 2, slideCount: 2);

        Assert.True(double.IsNaN(FrocSweep.FalsePositivesPerNormalSlide(curve, [0.4f], normalSlideCount: 1, sensitivity: 0.9)));
        Assert.True(double.IsNaN(FrocSweep.FalsePositivesPerNormalSlide(curve, [], normalSlideCount: 0, sensitivity: 0.5)));
    }
}
