using TumorWeb.Pipeline.Evaluation;

namespace TumorWeb.Pipeline.Tests.Evaluation;

public class RocChartTests
{
    private static readonly (byte R, byte G, byte B) Red = (255, 0, 0);

    [Fact]
    public void BresenhamLinesStepOnePixelAtATime()
    {
        Assert.Equal([(0, 0), (1, 0), (2, 1), (3, 1)], RasterLine.Points(0, 0, 3, 1));
        Assert.Equal([(2, 3), (2, 2), (2, 1)], RasterLine.Points(2, 3, 2, 1));
        Assert.Equal([(5, 5)], RasterLine.Points(5, 5, 5, 5));
        Assert.Equal([(0, 0), (1, 1), (2, 2)], RasterLine.Points(0, 0, 2, 2));
    }

    [Fact]
    public void RatesMapIntoTheBoxWithTruePositivesUp()
    {
        Assert.Equal(4, RocChart.Margin(64));
        Assert.Equal((4, 59), RocChart.Pixel(0, 0, 64));
        Assert.Equal((59, 4), RocChart.Pixel(1, 1, 64));
        Assert.Equal((32, 31), RocChart.Pixel(0.5, 0.5, 64));
    }

    [Fact]
    public void ChartHasBoxDiagonalQuartersAndTheCurveOnTop()
    {
        var perfect = new RocCurve([new(0, 0, double.PositiveInfinity), new(0, 1, 0.9), new(1, 1, 0.1)], 1);
        var image = RocChart.Render([(perfect, Red)], 64);
        Assert.Equal((64, 64), (image.Width, image.Height));
        Assert.Equal(RocChart.Box, image[59, 59]);
        Assert.Equal(RocChart.Box, image[30, 59]);
        Assert.Equal(RocChart.Diagonal, image[32, 31]);
        Assert.Equal(RocChart.Quarter, image[18, 50]);
        Assert.Equal(Red, image[4, 30]);
        Assert.Equal(Red, image[3, 30]);
        Assert.Equal(Red, image[30, 4]);
        Assert.Equal(((byte)255, (byte)255, (byte)255), image[1, 1]);
    }
}
