using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Pipeline.Tests.Grid;

public class LevelSpansTests
{
    [Fact]
    public void LevelZeroSpansAreTheCellsCutAtTheSlideEdge() =>
        Assert.Equal([new(0, 128), new(128, 256), new(256, 300)], LevelSpans.Compute(3, 128, 300, 1, 300));

    [Fact]
    public void DividingDownsampleGivesEachCellCellSizeOverDownsamplePixels() =>
        Assert.Equal([new(0, 32), new(32, 64), new(64, 75)], LevelSpans.Compute(3, 128, 300, 4, 75));

    [Fact]
    public void DownsampleEqualToTheCellGivesOnePixelPerCell() =>
        Assert.Equal([new(0, 1), new(1, 2), new(2, 3)], LevelSpans.Compute(3, 128, 300, 128, 3));

    [Fact]
    public void NonDividingDownsampleAssignsPixelsByTheirCentres() =>
        Assert.Equal([new(0, 3), new(3, 6), new(6, 9)], LevelSpans.Compute(3, 100, 300, 32, 10));

    [Fact]
    public void ThinEdgeCellStillGetsOnePixel() =>
        Assert.Equal([new(0, 4), new(4, 5)], LevelSpans.Compute(2, 128, 130, 32, 5));
}
