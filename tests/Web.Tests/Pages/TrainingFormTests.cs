using Bunit;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Components.Pages.Training;
using TumorWeb.Web.Features.Jobs;

namespace TumorWeb.Web.Tests.Pages;

public sealed class TrainingFormTests : IAsyncLifetime
{
    private readonly PagesTestContext context = new();

    [Fact]
    public async Task AReferenceFromTheViewerTurnsMacenkoOnAndIsQueuedWithTheJob()
    {
        var extraction = RunRows.Extraction();
        await context.SeedAsync(db => { db.ExtractionRuns.Add(extraction); return Task.CompletedTask; });
        context.NavigateTo($"training?stainReference={Uri.EscapeDataString("/slides/normal_001.tif@512,256,2048,1024")}");
        var page = context.Render<TrainingRuns>();

        StartButton(page).Click();

        page.WaitForAssertion(() => Assert.Single(context.Queue.Requests));
        var parameters = Assert.IsType<TrainingJobParameters>(context.Queue.Requests[0].Parameters);
        Assert.Equal(JobKind.Training, context.Queue.Requests[0].Kind);
        Assert.Equal(("none", "macenko", "/slides/normal_001.tif@512,256,2048,1024"),
            (parameters.ColorAugment, parameters.StainNormalize, parameters.StainReference));
    }

    [Fact]
    public async Task AnUntouchedFormTrainsOnRawColours()
    {
        var extraction = RunRows.Extraction();
        await context.SeedAsync(db => { db.ExtractionRuns.Add(extraction); return Task.CompletedTask; });
        var page = context.Render<TrainingRuns>();

        StartButton(page).Click();

        page.WaitForAssertion(() => Assert.Single(context.Queue.Requests));
        var parameters = Assert.IsType<TrainingJobParameters>(context.Queue.Requests[0].Parameters);
        Assert.Equal(("none", "none", null), (parameters.ColorAugment, parameters.StainNormalize, parameters.StainReference));
    }

    private static AngleSharp.Dom.IElement StartButton(IRenderedComponent<TrainingRuns> page)
    {
        AngleSharp.Dom.IElement? button = null;
        page.WaitForAssertion(() => button = Assert.Single(page.FindAll("button"), b => b.TextContent.Contains("Start training")));
        return button!;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();
}
