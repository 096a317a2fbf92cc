using TumorWeb.Pipeline.Stain;

namespace TumorWeb.Pipeline.Tests.Stain;

public sealed class StainRangeTests
{
    private static readonly StainVector H0 = new(0.65, 0.70, 0.29);

    private static SlideStain Stain(StainVector h, double maxH = 1.5, double lightness = 70) =>
        new(new MacenkoStain(h.Unit(), StainImages.Eosin, maxH, 1.0), new ReinhardStain(lightness, 20, -10, 10, 5, 5), 5000);

    private static readonly StainRange Range = StainRange.Of([
        Stain(H0, 1.4, 68), Stain(new StainVector(0.62, 0.72, 0.31), 1.6, 72), Stain(new StainVector(0.66, 0.69, 0.30), 1.5, 70)]);

    [Fact]
    public void RangeSpansTheTrainingSlides()
    {
        Assert.Equal(3, Range.Slides);
        Assert.Equal(1.4, Range.MinHaematoxylin);
        Assert.Equal(1.6, Range.MaxHaematoxylin);
        Assert.Equal(68, Range.MinLightness);
        Assert.Equal(72, Range.MaxLightness);
        Assert.InRange(Range.HaematoxylinDegrees, 0.1, 3);
    }

    [Fact]
    public void ASlideLikeTheTrainingSlidesGetsNoWarning()
    {
        Assert.Null(Range.Check(Stain(new StainVector(0.64, 0.71, 0.30), 1.55, 71)));
    }

    [Fact]
    public void ATiltedHaematoxylinIsOutOfRangeWithTheReason()
    {
        var warning = Range.Check(Stain(new StainVector(0.40, 0.80, 0.45)));

        Assert.NotNull(warning);
        Assert.StartsWith("this slide's stain is outside what the model was trained on; its scores may not mean much (haematoxylin colour", warning);
    }

    [Fact]
    public void TwiceTheStainOrMuchLighterTissueIsOutOfRange()
    {
        Assert.Contains("haematoxylin amount 3.2", Range.Check(Stain(H0, maxH: 3.2)));
        Assert.Contains("tissue lightness L* 85", Range.Check(Stain(H0, lightness: 85)));
    }
}
