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
}
