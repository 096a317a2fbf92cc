using TumorWeb.Pipeline.Evaluation;

namespace TumorWeb.Pipeline.Tests.Evaluation;

public class FrocTests
{
    // Slide A (5 x 5): lesion L1 is the top-left 2 x 2 block, hit at (1, 1) with 0.9; lesion L2 is
    // the cell (4, 4), never hit; false positives 0.7 at (4, 1) and 0.3 at (2, 3).
    private static readonly FrocSlide SlideA = new("tumor_a", 5, 5,
    [
        0f, 0f,   0f,   0f, 0f,
        0f, 0.9f, 0f,   0f, 0.7f,
        0f, 0f,   0f,   0f, 0f,
        0f, 0f,   0.3f, 0f, 0f,
        0f, 0f,   0f,   0f, 0f,
    ],
    Mask(
        1, 1, 0, 0, 0,
        1, 1, 0, 0, 0,
        0, 0, 0, 0, 0,
        0, 0, 0, 0, 0,
        0, 0, 0, 0, 1));

    // Slide B (6 x 4): lesion L3 is the top row, hit twice (0.4 and 0.8: counted once, at 0.8);
    // lesion L4 is the cell (5, 3), hit with 0.5; false positive 0.6 at (2, 2), two cells below L3.
    private static readonly FrocSlide SlideB = new("tumor_b", 6, 4,
    [
        0.4f, 0f, 0f,   0f, 0.8f, 0f,
        0f,   0f, 0f,   0f, 0f,   0f,
        0f,   0f, 0.6f, 0f, 0f,   0f,
        0f,   0f, 0f,   0f, 0f,   0.5f,
    ],
    Mask(
        1, 1, 1, 1, 1, 1,
        0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 1));

    private static bool[] Mask(params int[] cells) => cells.Select(c => c != 0).ToArray();

    [Fact]
    public void SensitivityAtEachRateCountsLesionsAgainstFalsePositivesPerSlide()
    {
        // Sorted: 0.9 L1, 0.8 L3, 0.7 FP, 0.6 FP, 0.5 L4, 0.3 FP; 4 lesions, 2 slides.
        var result = Froc.Compute([SlideA, SlideB], new FrocOptions(MinProbability: 0f, SuppressionRadius: 1));

        Assert.Equal(
        [
            new(double.PositiveInfinity, 0, 0), new(0.9f, 0, 0.25), new(0.8f, 0, 0.5),
            new(0.7f, 0.5, 0.5), new(0.6f, 1, 0.5), new(0.5f, 1, 0.75), new(0.3f, 1.5, 0.75),
        ], result.Curve);
        Assert.Equal([0.5, 0.5, 0.75, 0.75, 0.75, 0.75], result.SensitivityAt.Select(p => p.Sensitivity));
        Assert.Equal([0.25, 0.5, 1, 2, 4, 8], result.SensitivityAt.Select(p => p.AverageFalsePositives));
        Assert.Equal(4.0 / 6, result.Score, 12);
        Assert.Equal(4, result.LesionCount);
        Assert.Equal(2, result.SlideCount);
    }

    [Fact]
    public void ToleranceTurnsANearMissIntoASecondHit()
    {
        // 0.6 is now within 2 cells of L3, which keeps its 0.8: one false positive fewer.
        var result = Froc.Compute([SlideA, SlideB], new FrocOptions(MinProbability: 0f, SuppressionRadius: 1, Tolerance: 2));

        Assert.Equal([0.5, 0.75, 0.75, 0.75, 0.75, 0.75], result.SensitivityAt.Select(p => p.Sensitivity));
        Assert.Equal(4.25 / 6, result.Score, 12);
    }

    [Fact]
    public void MinimumProbabilityCutsTheLowDetections()
    {
        // Only 0.9, 0.8, 0.7 and 0.6 are above 0.55: L4 is never found.
        var result = Froc.Compute([SlideA, SlideB], new FrocOptions(MinProbability: 0.55f, SuppressionRadius: 1));

        Assert.Equal([0.5, 0.5, 0.5, 0.5, 0.5, 0.5], result.SensitivityAt.Select(p => p.Sensitivity));
        Assert.Equal(new FrocCurvePoint(0.6f, 1, 0.5), result.Curve[^1]);
    }

    [Fact]
    public void ANormalSlideAddsFalsePositivesAndDividesByMoreSlides()
    {
        var normal = new FrocSlide("normal_c", 2, 1, [0.95f, 0f], new bool[2]);

        var result = Froc.Compute([SlideA, SlideB, normal], new FrocOptions(MinProbability: 0f, SuppressionRadius: 1));

        Assert.Equal(new FrocCurvePoint(0.95f, 1.0 / 3, 0), result.Curve[1]);
        Assert.Equal([0, 0.5, 0.75, 0.75, 0.75, 0.75], result.SensitivityAt.Select(p => p.Sensitivity));
    }

    [Fact]
    public void FalsePositivesPerNormalSlideCountOnlyTheNormalSlidesAtNinetyPercentSensitivity()
    {
        // Slide C's lesion (the left cell) is hit at 0.8; slide A's two lesions and slide C's one:
        // L2 of A is never hit, so 90% of the 3 lesions is never reached with A. Without A, C's one
        // lesion is found from 0.8: the normal slides' detections 0.95 and 0.85 count, 0.3 does not.
        var tumorC = new FrocSlide("tumor_c", 3, 1, [0.8f, 0f, 0f], Mask(1, 0, 0));
        var normalD = new FrocSlide("normal_d", 2, 1, [0.95f, 0f], new bool[2]);
        var normalE = new FrocSlide("normal_e", 3, 1, [0.85f, 0f, 0.3f], new bool[3]);
        var options = new FrocOptions(MinProbability: 0f, SuppressionRadius: 1);

        Assert.Equal(1.0, Froc.Compute([tumorC, normalD, normalE], options).NormalSlideFalsePositivesAt90);
        Assert.True(double.IsNaN(Froc.Compute([SlideA, tumorC, normalD], options).NormalSlideFalsePositivesAt90));
        Assert.True(double.IsNaN(Froc.Compute([SlideA, SlideB], options).NormalSlideFalsePositivesAt90));
    }

    [Fact]
    public void NoLesionAnywhereGivesNoScore()
    {
        var normal = new FrocSlide("normal_c", 2, 1, [0.95f, 0f], new bool[2]);

        Assert.True(double.IsNaN(Froc.Compute([normal], new FrocOptions()).Score));
    }

    [Fact]
    public void AMisshapenSlideIsNamedInTheError()
    {
        var broken = new FrocSlide("tumor_x", 3, 3, new float[9], new bool[8]);

        var error = Assert.Throws<ArgumentException>(() => Froc.Compute([SlideA, broken], new FrocOptions()));
        Assert.StartsWith("tumor_x: tumor mask: a 3 x 3 grid needs 9 cells, got 8", error.Message);
    }
}
