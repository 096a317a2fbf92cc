using TumorWeb.Web.Tests.Components;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using TumorWeb.Data;
using TumorWeb.Web.Components.Pages.Viewer;
using TumorWeb.Web.Features.Datasets;
using TumorWeb.Web.Features.Viewer;

namespace TumorWeb.Web.Tests.Viewer;

/// <summary>The viewer page rendered by bUnit over the fixture's database and slides, with loose JS interop.</summary>
public sealed class SlideViewerPageTests : IClassFixture<ViewerAppFixture>, IAsyncLifetime
{
    private readonly ViewerAppFixture _app;
    private readonly BunitContext _context = new();

    public SlideViewerPageTests(ViewerAppFixture app)
    {
        _app = app;
        _context.AddTestServices();
        _context.Services.AddData($"Data Source={app.DatabaseFile}");
        _context.Services.AddOptions<ViewerOptions>();
        _context.Services.AddSingleton(app.Factory.Services.GetRequiredService<DatasetRoots>());
        _context.Services.AddSingleton<SlideHandles>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable.
    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void TheViewerShowsTogglesLegendAndSlideInfoAndStartsOpenSeadragon()
    {
        var page = _context.Render<SlideViewer>(p => p.Add(v => v.Id, _app.TumorSlideId));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=slide-info]")));
        Assert.Contains("tumor_001", page.Markup);
        Assert.Contains("2,100 x 1,600", page.Find("[data-testid=slide-info]").TextContent);
        Assert.Contains("generic-tiff", page.Find("[data-testid=slide-info]").TextContent);
        foreach (var toggle in new[] { "Tissue", "Ground truth", "Prediction" })
            Assert.Contains(toggle, page.Markup);
        Assert.Contains("linear-gradient", page.Find("[data-testid=jet-bar]").GetAttribute("style"));
        Assert.NotNull(page.Find("[data-testid=opacity]"));
        page.WaitForAssertion(() => _context.JSInterop.VerifyInvoke("tumorweb.viewer.create"));
    }

    [Fact]
    public void WithAnEvaluationThePredictionOverlayIsOffered()
    {
        var navigation = _context.Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>();
        navigation.NavigateTo($"slides/{_app.TumorSlideId}?evaluation={_app.EvaluationId}&slide={_app.EvaluationSlideId}");

        var page = _context.Render<SlideViewer>(p => p.Add(v => v.Id, _app.TumorSlideId));

        page.WaitForAssertion(() => Assert.Contains("Prediction of evaluation", page.Markup));
        var create = _context.JSInterop.VerifyInvoke("tumorweb.viewer.create");
        Assert.Contains($"evaluations/{_app.EvaluationId}/slides/{_app.EvaluationSlideId}/overlay.png", System.Text.Json.JsonSerializer.Serialize(create.Arguments[1]));
    }

    [Fact]
    public async Task EachOverlayIsPlacedWithTheCellSizeOfTheGridItWasMadeWith()
    {
        var (evaluationId, slideId) = await AddEvaluationWithCellSizeAsync(256);
        var navigation = _context.Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>();
        navigation.NavigateTo($"slides/{_app.TumorSlideId}?evaluation={evaluationId}&slide={slideId}");

        var page = _context.Render<SlideViewer>(p => p.Add(v => v.Id, _app.TumorSlideId));

        page.WaitForAssertion(() => Assert.Contains("Prediction of evaluation", page.Markup));
        var create = _context.JSInterop.VerifyInvoke("tumorweb.viewer.create");
        var overlays = System.Text.Json.JsonSerializer.SerializeToElement(create.Arguments[1]).GetProperty("overlays").EnumerateArray()
            .ToDictionary(o => o.GetProperty("name").GetString()!, o => o.GetProperty("cellSize").GetInt32());
        Assert.Equal(256, overlays["prediction"]);
        Assert.Equal(128, overlays["tissue"]);
        Assert.Equal(128, overlays["tumor"]);
    }

    private async Task<(int Evaluation, int Slide)> AddEvaluationWithCellSizeAsync(int cellSize)
    {
        var folder = Path.Combine(_app.DataDirectory, "runs", $"evaluation-cell-{cellSize}", "tumor_001");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, Pipeline.Inference.Output.HeatmapSummaryFile.FileName), "{\"slide\":\"tumor_001\",\"cellSize\":" + cellSize + "}");
        var dbFactory = _app.Factory.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<TumorWebDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var evaluation = new Data.Entities.EvaluationRun { ModelPath = "m", OutputDirectory = Path.GetDirectoryName(folder)!, CreatedAt = DateTimeOffset.UtcNow };
        evaluation.Slides.Add(new Data.Entities.EvaluationSlide { Name = "tumor_001", SlidePath = "s", HeatmapDirectory = folder, Status = Data.Entities.SlideStatus.Completed });
        db.EvaluationRuns.Add(evaluation);
        await db.SaveChangesAsync();
        return (evaluation.Id, evaluation.Slides[0].Id);
    }

    [Fact]
    public void AnUnknownSlideSaysSo()
    {
        var page = _context.Render<SlideViewer>(p => p.Add(v => v.Id, 9999));

        page.WaitForAssertion(() => Assert.Contains("There is no registered slide 9999", page.Markup));
        Assert.DoesNotContain(_context.JSInterop.Invocations, i => i.Identifier == "tumorweb.viewer.create");
    }
}
