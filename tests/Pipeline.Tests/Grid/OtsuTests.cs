using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Pipeline.Tests.Grid;

public class OtsuTests
{
    [Fact]
    public void BimodalHistogramSplitsBetweenItsModes()
    {
        long[] histogram = [1, 4, 8, 4, 2, 2, 4, 9, 5, 1];
        Assert.Equal(4, Otsu.Threshold(histogram));
    }

    [Fact]
    public void TiedSplitsAcrossAnEmptyGapTakeTheLowest()
    {
        var histogram = new long[16];
        (histogram[2], histogram[3], histogram[4]) = (3, 5, 3);
        (histogram[10], histogram[11], histogram[12]) = (2, 4, 6);
        Assert.Equal(4, Otsu.Threshold(histogram));
    }

    [Fact]
    public void GlassAndTissueSplitAtTheGlass()
    {
        var histogram = new long[256];
        histogram[0] = 10;
        histogram[102] = 2;
        Assert.Equal(0, Otsu.Threshold(histogram));
    }

    [Fact]
    public void SingleValueHasNothingAboveTheThreshold()
    {
        var histogram = new long[256];
        histogram[37] = 12;
        Assert.Equal(37, Otsu.Threshold(histogram));
    }

    [Fact]
    public void EmptyHistogramGivesZero() => Assert.Equal(0, Otsu.Threshold(new long[256]));
}
