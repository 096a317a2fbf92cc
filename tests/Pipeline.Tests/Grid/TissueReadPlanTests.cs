using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Tests.Grid;

public class TissueReadPlanTests
{
    private static SlideMetadata Slide(params SlideLevel[] levels) =>
        new("/data/crafted.tif", "generic-tiff", levels, null, null, 256, 256, [], new Dictionary<string, string>());

    [Fact]
    public void ASlideWithALevelNearTheCellSizeReadsThatLevel()
    {
        var slide = Slide(new SlideLevel(1_000_000, 1_000_000, 1), new SlideLevel(15_625, 15_625, 64), new SlideLevel(3_907, 3_907, 256));

        Assert.Equal(1, TissueReadPlan.Level(slide, cellSize: 128, maxPixels: 256_000_000));
    }

    [Fact]
    public void ALevelZeroOnlySlideWithinTheLimitReadsLevelZero()
    {
        Assert.Equal(0, TissueReadPlan.Level(Slide(new SlideLevel(16_000, 16_000, 1)), cellSize: 128, maxPixels: 256_000_000));
    }

    [Fact]
    public void ASlideClaimingAMillionPixelsSquareWithNoPyramidIsRefusedWithTheNumbers()
    {
        var slide = Slide(new SlideLevel(1_000_000, 1_000_000, 1));

        var refusal = Assert.Throws<SlideException>(() => TissueReadPlan.Level(slide, cellSize: 128, maxPixels: 256_000_000));

        Assert.Equal("/data/crafted.tif: tissue detection would decode 1,000,000 x 1,000,000 pixels at level 0 " +
            "(downsample 1; no level near downsample 128); the limit is 256,000,000 pixels (setting MaxTissuePixels)", refusal.Message);
    }

    [Fact]
    public void APyramidThatStopsFarFromTheCellSizeIsRefusedAtItsCoarsestLevel()
    {
        var slide = Slide(new SlideLevel(400_000, 400_000, 1), new SlideLevel(100_000, 100_000, 4));

        var refusal = Assert.Throws<SlideException>(() => TissueReadPlan.Level(slide, cellSize: 128, maxPixels: 256_000_000));

        Assert.Contains("100,000 x 100,000 pixels at level 1 (downsample 4;", refusal.Message);
    }

    [Fact]
    public void AClaimPastWhatALongHoldsIsRefusedRatherThanOverflowing()
    {
        var slide = Slide(new SlideLevel(uint.MaxValue, uint.MaxValue, 1));

        Assert.Throws<SlideException>(() => TissueReadPlan.Level(slide, cellSize: 128, maxPixels: long.MaxValue));
    }
}
