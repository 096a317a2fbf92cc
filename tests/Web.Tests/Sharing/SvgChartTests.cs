using TumorWeb.Web.Features.Charts;
using TumorWeb.Web.Features.Sharing;

namespace TumorWeb.Web.Tests.Sharing;

public sealed class SvgChartTests
{
    private static readonly SvgBox Box = new(Left: 50, Top: 10, Width: 200, Height: 100);

    [Fact]
    public void PointsMapIntoTheBoxWithYGrowingUpwards()
    {
        var points = SvgChart.Polyline([new(0, 0), new(0.5, 0.25), new(1, 1)], new AxisRange(0, 1), new AxisRange(0, 1), Box);

        Assert.Equal("50,110 150,85 250,10", points);
    }

    [Fact]
    public void NonFinitePointsAreLeftOutOfTheLine()
    {
        var points = SvgChart.Polyline([new(10, 0.5), new(20, double.NaN), new(30, 0.25)], new AxisRange(10, 30), new AxisRange(0, 0.5), Box);

        Assert.Equal("50,10 250,60", points);
    }

    [Fact]
    public void AnAxisWithoutFixedBoundsSpansTheData()
    {
        Assert.Equal(new AxisRange(10, 40), AxisRange.Of(new ApexAxis("step"), [20, 10, 40, double.NaN]));
        Assert.Equal(new AxisRange(0, 0.7), AxisRange.Of(new ApexAxis("loss", Min: 0), [0.7, 0.3]));
        Assert.Equal(new AxisRange(0, 1), AxisRange.Of(new ApexAxis("accuracy", 0, 1), [0.4]));
        Assert.Equal(new AxisRange(0.5, 1.5), AxisRange.Of(new ApexAxis("flat"), [0.5, 0.5]));
        Assert.Equal(new AxisRange(0, 1), AxisRange.Of(new ApexAxis("empty"), []));
    }

    [Fact]
    public void TicksSpreadEvenlyWithTheAxisDecimals()
    {
        var ticks = SvgChart.Ticks(new AxisRange(0, 40), decimals: 0, start: 50, length: 200);

        Assert.Equal([50, 100, 150, 200, 250], ticks.Select(t => t.Position));
        Assert.Equal(["0", "10", "20", "30", "40"], ticks.Select(t => t.Label));
    }

    [Fact]
    public void ThinningKeepsTheEndsAndEvenlySpacedPoints()
    {
        var points = Enumerable.Range(0, 11).Select(i => new ApexPoint(i, i * i)).ToList();

        Assert.Equal([0, 5, 10], SvgChart.Thin(points, 3).Select(p => p.X));
        Assert.Same(points, SvgChart.Thin(points, 11));
    }

    [Fact]
    public void ARocChartPlacesTheDiagonalCornerToCornerOfItsSquarePlot()
    {
        var series = new List<ApexSeries>
        {
            new("all cells", [new(0, 0), new(0, 0.5), new(0.25, 1), new(1, 1)]) { Color = "#1565c0" },
            new("chance", [new(0, 0), new(1, 1)]) { Dashed = true },
        };

        var chart = SvgChart.Layout(ApexChartOptions.Roc("ROC"), series, width: 320);

        // Roc options: height 320; margins left 56, right 16, top 32, bottom 44 -> plot 248 x 244.
        Assert.Equal(new SvgBox(56, 32, 248, 244), chart.Plot);
        Assert.Equal("56,276 56,154 118,32 304,32", chart.Lines[0].Points);
        Assert.Equal("56,276 304,32", chart.Lines[1].Points);
        Assert.True(chart.Lines[1].Dashed);
        Assert.Equal("#e65100", chart.Lines[1].Color); // the palette's second colour for the second series
        Assert.Equal(["0.00", "0.25", "0.50", "0.75", "1.00"], chart.YTicks.Select(t => t.Label));
        Assert.Equal(276, chart.YTicks[0].Position);
        Assert.Equal(32, chart.YTicks[^1].Position);
        Assert.Equal("True positive rate", chart.YTitle);
    }

    [Fact]
    public void MarkersSitOnTheirPointsForSparseSeries()
    {
        var series = new List<ApexSeries> { new("validation", [new(10, 0.6), new(20, 0.4)]) { Markers = true } };

        var chart = SvgChart.Layout(new ApexChartOptions(new ApexAxis("step", Decimals: 0), new ApexAxis("loss", Min: 0)) { Height = 244 + 76 }, series, width: 320);

        Assert.Equal([(56.0, 32.0), (304.0, 113.3)], chart.Lines[0].Markers);
    }
}
