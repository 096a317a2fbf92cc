using TumorWeb.Web.Components.Charts;
using TumorWeb.Web.Features.Charts;

namespace TumorWeb.Web.Tests.Pages;

public sealed class SeriesChangeTests
{
    private static readonly ApexPoint A = new(1, 0.5), B = new(2, 0.4), C = new(3, 0.3);

    [Fact]
    public void SameSeriesNeedNothing()
    {
        var now = new[] { new ApexSeries("train", [A, B]) };

        Assert.Equal(SeriesChangeKind.None, SeriesChange.Between([SeriesShape.Of(now[0])], now).Kind);
    }

    [Fact]
    public void PointsAddedAtTheEndAreAppended()
    {
        var sent = new[] { new SeriesShape("train", null, false, false, 1, A), new SeriesShape("validation", null, false, true, 0, null) };
        var now = new[] { new ApexSeries("train", [A, B, C]), new ApexSeries("validation", [B]) { Markers = true } };

        var change = SeriesChange.Between(sent, now);

        Assert.Equal(SeriesChangeKind.Append, change.Kind);
        Assert.Equal([B, C], change.Appended[0]);
        Assert.Equal([B], change.Appended[1]);
    }

    [Theory]
    [InlineData("other name", 1)]   // renamed
    [InlineData("train", 3)]        // shrank
    public void RenamedOrShrunkSeriesAreReplaced(string name, int sentCount)
    {
        var sent = new[] { new SeriesShape("train", null, false, false, sentCount, sentCount == 1 ? A : C) };

        Assert.Equal(SeriesChangeKind.Replace, SeriesChange.Between(sent, [new ApexSeries(name, [A, B])]).Kind);
    }

    [Fact]
    public void AChangedLastPointMeansReplacedData()
    {
        var sent = new[] { new SeriesShape("train", null, false, false, 1, A) };

        Assert.Equal(SeriesChangeKind.Replace, SeriesChange.Between(sent, [new ApexSeries("train", [B, C])]).Kind);
    }

    [Fact]
    public void AnAddedSeriesIsAReplacement()
    {
        var sent = new[] { new SeriesShape("train", null, false, false, 1, A) };

        Assert.Equal(SeriesChangeKind.Replace, SeriesChange.Between(sent, [new ApexSeries("train", [A]), new ApexSeries("validation", [])]).Kind);
    }
}
