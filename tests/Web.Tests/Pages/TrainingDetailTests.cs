using Bunit;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Components.Charts;
using TumorWeb.Web.Features.Charts;
using TumorWeb.Web.Components.Pages.Training;
using TumorWeb.Web.Features.Jobs;

namespace TumorWeb.Web.Tests.Pages;

public sealed class TrainingDetailTests : IAsyncLifetime
{
    private readonly PagesTestContext context = new();

    [Fact]
    public async Task StoredMetricsBecomeTheTrainAndValidationCurves()
    {
        var runId = await SeedRunAsync();

        var page = context.Render<TrainingDetail>(p => p.Add(c => c.Id, runId));

        var (loss, accuracy) = Charts(page);
        Assert.Equal(["train", "validation"], loss.Select(s => s.Name));
        Assert.Equal([new ApexPoint(10, 0.69), new ApexPoint(20, 0.52)], loss[0].Points);
        Assert.Equal([new ApexPoint(20, 0.48)], loss[1].Points);
        Assert.Equal([new ApexPoint(10, 0.55), new ApexPoint(20, 0.75)], accuracy[0].Points);
        Assert.Equal([new ApexPoint(20, 0.8)], accuracy[1].Points);
    }

    [Fact]
    public async Task TheLossChartSwitchesToALogarithmicAxis()
    {
        var runId = await SeedRunAsync();
        var page = context.Render<TrainingDetail>(p => p.Add(c => c.Id, runId));
        var loss = page.FindComponents<ApexChart>()[0];
        Assert.False(loss.Instance.Options.YAxis.Logarithmic);

        var toggle = page.Find("[data-test=loss-log-scale]");
        (toggle.TagName == "INPUT" ? toggle : toggle.QuerySelector("input")!).Change(true);

        page.WaitForAssertion(() => Assert.True(page.FindComponents<ApexChart>()[0].Instance.Options.YAxis.Logarithmic));
        Assert.Null(page.FindComponents<ApexChart>()[0].Instance.Options.YAxis.Min);
    }

    [Fact]
    public async Task AMetricEventAppendsItsPointToTheLiveCharts()
    {
        var runId = await SeedRunAsync();
        var page = context.Render<TrainingDetail>(p => p.Add(c => c.Id, runId));

        context.Notifier.Publish(new RunEvent(7, JobKind.Training, RunStatus.Running, 0.7, "epoch 2/3", runId,
            new RunMetric("validation", 2, 40, 0.31, 0.9, 0.95), RunRows.Start.AddMinutes(5)));

        page.WaitForAssertion(() =>
        {
            var (loss, accuracy) = Charts(page);
            Assert.Equal([new ApexPoint(20, 0.48), new ApexPoint(40, 0.31)], loss[1].Points);
            Assert.Equal([new ApexPoint(20, 0.8), new ApexPoint(40, 0.9)], accuracy[1].Points);
        });
        page.WaitForAssertion(() => context.JSInterop.VerifyInvoke("tumorweb.charts.appendPoints", 2));
        Assert.Contains("epoch 2/3", page.Markup);
    }

    [Fact]
    public async Task EventsOfOtherRunsLeaveTheChartsAlone()
    {
        var runId = await SeedRunAsync();
        var page = context.Render<TrainingDetail>(p => p.Add(c => c.Id, runId));

        context.Notifier.Publish(new RunEvent(8, JobKind.Training, RunStatus.Running, 0.5, null, runId + 1,
            new RunMetric("validation", 2, 40, 0.31, 0.9, null), RunRows.Start));

        Assert.Single(Charts(page).Loss[1].Points);
    }

    [Fact]
    public async Task ThePageNamesTheRunsFolderBesideItsNumber()
    {
        // Job 5 made training run #1 (jobs of every kind share one count): the number and the folder differ.
        var run = RunRows.Training(RunRows.Extraction(), outputDirectory: Path.Combine(context.TempDirectory, "runs", "training-5"));
        await context.SeedAsync(db =>
        {
            db.TrainingRuns.Add(run);
            return Task.CompletedTask;
        });

        var page = context.Render<TrainingDetail>(p => p.Add(c => c.Id, run.Id));

        page.WaitForAssertion(() => Assert.Contains($"Training #{run.Id}", page.Markup));
        Assert.Equal("folder runs/training-5", page.Find("[data-test=run-folder]").TextContent.Trim());
        Assert.DoesNotContain(context.TempDirectory, page.Find("[data-test=run-folder]").TextContent);
    }

    [Fact]
    public async Task LeavingThePageEndsItsSubscription()
    {
        var runId = await SeedRunAsync();
        context.Render<TrainingDetail>(p => p.Add(c => c.Id, runId));
        Assert.Equal(1, context.Notifier.Subscribers);

        await context.DisposeComponentsAsync();

        Assert.Equal(0, context.Notifier.Subscribers);
    }

    [Fact]
    public async Task TheColourPanelShowsTheOptionsAndAPictureOfTheReferenceRegion()
    {
        var run = RunRows.Training(RunRows.Extraction(), outputDirectory: Path.Combine(context.TempDirectory, "training-2"));
        run.Hyperparameters = """{"model":"tiny","epochs":3,"batchSize":32,"learningRate":0.001,"seed":1,"colorAugment":"strong","stainNormalize":"macenko","stainReference":"/slides/a.tif@0,0,512,512"}""";
        await context.SeedAsync(db =>
        {
            db.TrainingRuns.Add(run);
            return Task.CompletedTask;
        });

        var page = context.Render<TrainingDetail>(p => p.Add(c => c.Id, run.Id));

        page.WaitForAssertion(() => Assert.Equal("strong", page.Find("[data-testid=colour-augment]").TextContent));
        Assert.Equal("macenko", page.Find("[data-testid=stain-normalize]").TextContent);
        Assert.Equal("/slides/a.tif@0,0,512,512", page.Find("[data-testid=stain-reference]").TextContent);
        Assert.Equal($"api/training/{run.Id}/stain-reference.png", page.Find("[data-testid=stain-reference-picture]").GetAttribute("src"));
    }

    [Fact]
    public async Task ARunOnRawColoursSaysSoWithoutAReference()
    {
        var runId = await SeedRunAsync();

        var page = context.Render<TrainingDetail>(p => p.Add(c => c.Id, runId));

        page.WaitForAssertion(() => Assert.Equal("none", page.Find("[data-testid=stain-normalize]").TextContent));
        Assert.Equal("none", page.Find("[data-testid=colour-augment]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=stain-reference]"));
        Assert.Empty(page.FindAll("[data-testid=stain-reference-picture]"));
    }

    private static (IReadOnlyList<ApexSeries> Loss, IReadOnlyList<ApexSeries> Accuracy) Charts(IRenderedComponent<TrainingDetail> page)
    {
        var charts = page.FindComponents<ApexChart>();
        Assert.Equal(2, charts.Count);
        return (charts[0].Instance.Series, charts[1].Instance.Series);
    }

    private async Task<int> SeedRunAsync()
    {
        var run = RunRows.Training(RunRows.Extraction(), outputDirectory: Path.Combine(context.TempDirectory, "training-1"));
        await context.SeedAsync(db =>
        {
            db.TrainingRuns.Add(run);
            db.TrainingMetrics.AddRange(
                RunRows.Metric(run, TrainingPhase.Train, 1, 10, 0.69, 0.55),
                RunRows.Metric(run, TrainingPhase.Train, 1, 20, 0.52, 0.75),
                RunRows.Metric(run, TrainingPhase.Validation, 1, 20, 0.48, 0.8, 0.88));
            return Task.CompletedTask;
        });
        return run.Id;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();
}
