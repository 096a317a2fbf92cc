using Bunit;
using TumorWeb.Web.Components.Charts;
using TumorWeb.Web.Features.Charts;

namespace TumorWeb.Web.Tests.Pages;

public sealed class ApexChartTests : IAsyncLifetime
{
    private static readonly ApexChartOptions Options = new(new ApexAxis("step"), new ApexAxis("loss"));
    private readonly PagesTestContext context = new();

    [Fact]
    public void ChartIsCreatedAfterTheFirstRenderWithItsOptionsAndSeries()
    {
        var series = new ApexSeries[] { new("train", [new ApexPoint(1, 0.7), new ApexPoint(2, 0.5)]) };

        context.Render<ApexChart>(p => p.Add(c => c.Options, Options).Add(c => c.Series, series));

        var create = context.JSInterop.VerifyInvoke("tumorweb.charts.create");
        Assert.Equal(Options, create.Arguments[2]);
        Assert.Same(series, create.Arguments[3]);
    }

    [Fact]
    public void GrowingSeriesAppendsOnlyTheNewPointsWithoutCreatingTheChartAgain()
    {
        var train = new List<ApexPoint> { new(1, 0.7) };
        var validation = new List<ApexPoint>();
        var series = new ApexSeries[] { new("train", train), new("validation", validation) };
        var chart = context.Render<ApexChart>(p => p.Add(c => c.Options, Options).Add(c => c.Series, series));

        train.Add(new ApexPoint(2, 0.6));
        chart.Render(p => p.Add(c => c.Series, series));

        var append = context.JSInterop.VerifyInvoke("tumorweb.charts.appendPoints");
        var appended = Assert.IsAssignableFrom<IReadOnlyList<IReadOnlyList<ApexPoint>>>(append.Arguments[1]);
        Assert.Equal([new ApexPoint(2, 0.6)], appended[0]);
        Assert.Empty(appended[1]);
        context.JSInterop.VerifyInvoke("tumorweb.charts.create", 1);
        context.JSInterop.VerifyNotInvoke("tumorweb.charts.updateSeries");
    }

    [Fact]
    public void ReplacedSeriesAreUpdatedWithoutCreatingTheChartAgain()
    {
        var chart = context.Render<ApexChart>(p => p.Add(c => c.Options, Options)
            .Add(c => c.Series, [new ApexSeries("run 1", [new ApexPoint(1, 0.7)])]));

        var other = new ApexSeries[] { new("run 2", [new ApexPoint(1, 0.4)]) };
        chart.Render(p => p.Add(c => c.Series, other));

        var update = context.JSInterop.VerifyInvoke("tumorweb.charts.updateSeries");
        Assert.Same(other, update.Arguments[1]);
        context.JSInterop.VerifyInvoke("tumorweb.charts.create", 1);
    }

    [Fact]
    public async Task DisposingTheComponentDestroysItsChart()
    {
        context.Render<ApexChart>(p => p.Add(c => c.Options, Options).Add(c => c.Series, []));
        var id = context.JSInterop.VerifyInvoke("tumorweb.charts.create").Arguments[0];

        await context.DisposeComponentsAsync();

        Assert.Equal(id, context.JSInterop.VerifyInvoke("tumorweb.charts.destroy").Arguments[0]);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();
}
