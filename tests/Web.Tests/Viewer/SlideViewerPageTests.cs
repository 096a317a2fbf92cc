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
        Assert.Contains("linear-gradient", page.Find("[data-testid=colormap-bar]").GetAttribute("style"));
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
    public void GroundTruthIsAnOutlineAndThePredictionStartsAsJetHidingCellsBelowPointThree()
    {
        var navigation = _context.Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>();
        navigation.NavigateTo($"slides/{_app.TumorSlideId}?evaluation={_app.EvaluationId}&slide={_app.EvaluationSlideId}");

        var page = _context.Render<SlideViewer>(p => p.Add(v => v.Id, _app.TumorSlideId));

        page.WaitForAssertion(() => _context.JSInterop.VerifyInvoke("tumorweb.viewer.create"));
        var options = CreateOptions();
        var overlays = options.GetProperty("overlays").EnumerateArray().ToDictionary(o => o.GetProperty("name").GetString()!);
        Assert.Equal("outline", overlays["tumor"].GetProperty("kind").GetString());
        Assert.Equal($"slides/{_app.TumorSlideId}/overlays/tumor-outline.json", overlays["tumor"].GetProperty("url").GetString());
        Assert.Equal($"evaluations/{_app.EvaluationId}/slides/{_app.EvaluationSlideId}/overlay.png?colormap=jet&threshold=0.3",
            overlays["prediction"].GetProperty("url").GetString());
        Assert.Contains("Cells below 0.30 are not drawn", page.Find("[data-testid=threshold-note]").TextContent);
    }

    [Fact]
    public async Task ChangingTheThresholdOrColourMapReloadsThePredictionInThatStyle()
    {
        var navigation = _context.Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>();
        navigation.NavigateTo($"slides/{_app.TumorSlideId}?evaluation={_app.EvaluationId}&slide={_app.EvaluationSlideId}");
        var page = _context.Render<SlideViewer>(p => p.Add(v => v.Id, _app.TumorSlideId));
        page.WaitForAssertion(() => _context.JSInterop.VerifyInvoke("tumorweb.viewer.create"));

        await page.InvokeAsync(() => page.FindComponent<MudBlazor.MudSlider<float>>().Instance.ValueChanged.InvokeAsync(0.5f));
        await page.InvokeAsync(() => page.FindComponent<MudBlazor.MudSelect<Pipeline.Inference.Output.HeatmapColormap>>().Instance
            .ValueChanged.InvokeAsync(Pipeline.Inference.Output.HeatmapColormap.Viridis));

        var urls = _context.JSInterop.Invocations.Where(i => i.Identifier == "setOverlayUrl").Select(i => (string)i.Arguments[1]!).ToList();
        var overlay = $"evaluations/{_app.EvaluationId}/slides/{_app.EvaluationSlideId}/overlay.png";
        Assert.Equal([$"{overlay}?colormap=jet&threshold=0.5", $"{overlay}?colormap=viridis&threshold=0.5"], urls);
        Assert.Contains("(viridis)", page.Find("[data-testid=legend]").TextContent);
        Assert.StartsWith("background:linear-gradient(to right, transparent 0%", page.Find("[data-testid=colormap-bar]").GetAttribute("style"));
    }

    [Fact]
    public void BreadcrumbsLeadBackToTheDatasetAndTheEvaluation()
    {
        var navigation = _context.Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>();
        navigation.NavigateTo($"slides/{_app.TumorSlideId}?evaluation={_app.EvaluationId}&slide={_app.EvaluationSlideId}");

        var page = _context.Render<SlideViewer>(p => p.Add(v => v.Id, _app.TumorSlideId));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=slide-info]")));
        var links = page.FindAll(".mud-breadcrumbs a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        // The last crumb is the page itself.
        Assert.Equal([("Datasets", "datasets"), ("viewer", $"datasets/{_app.DatasetId}"), ("Evaluations", "evaluations"),
            ($"Evaluation #{_app.EvaluationId}", $"evaluations/{_app.EvaluationId}"), ("tumor_001", "#")], links);
    }

    [Fact]
    public void WithoutAnEvaluationTheBreadcrumbsEndAtTheDataset()
    {
        var page = _context.Render<SlideViewer>(p => p.Add(v => v.Id, _app.NormalSlideId));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=slide-info]")));
        Assert.Equal(["Datasets", "viewer", "normal_001"], page.FindAll(".mud-breadcrumbs a").Select(a => a.TextContent.Trim()));
    }

    [Theory]
    [InlineData(9999, null, "There is no such evaluation: 9999.")]
    [InlineData(0, 9999, "has no slide 9999")]
    public void ABadEvaluationInTheLinkIsNamedNotIgnored(int evaluation, int? slide, string expected)
    {
        var evaluationId = evaluation == 0 ? _app.EvaluationId : evaluation;
        var navigation = _context.Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>();
        navigation.NavigateTo($"slides/{_app.TumorSlideId}?evaluation={evaluationId}&slide={slide ?? _app.EvaluationSlideId}");

        var page = _context.Render<SlideViewer>(p => p.Add(v => v.Id, _app.TumorSlideId));

        page.WaitForAssertion(() => Assert.Contains(expected, page.Find("[data-testid=evaluation-problem]").TextContent));
        Assert.DoesNotContain("Prediction of evaluation", page.Markup);
    }

    [Fact]
    public void TheScaleBarKnowsWhetherTheSlideStatesItsMicronsPerPixel()
    {
        var page = _context.Render<SlideViewer>(p => p.Add(v => v.Id, _app.TumorSlideId));

        page.WaitForAssertion(() => _context.JSInterop.VerifyInvoke("tumorweb.viewer.create"));
        // Generic TIFFs never state it in OpenSlide 3.4.1: the bar is in pixels.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, CreateOptions().GetProperty("mpp").ValueKind);
        Assert.Equal(ViewerAppFixture.SlideWidth, CreateOptions().GetProperty("slideWidth").GetInt64());
    }

    private System.Text.Json.JsonElement CreateOptions() =>
        System.Text.Json.JsonSerializer.SerializeToElement(_context.JSInterop.VerifyInvoke("tumorweb.viewer.create").Arguments[1]);

    [Fact]
    public void AnUnknownSlideSaysSo()
    {
        var page = _context.Render<SlideViewer>(p => p.Add(v => v.Id, 9999));

        page.WaitForAssertion(() => Assert.Contains("There is no registered slide 9999", page.Markup));
        Assert.DoesNotContain(_context.JSInterop.Invocations, i => i.Identifier == "tumorweb.viewer.create");
    }
}
