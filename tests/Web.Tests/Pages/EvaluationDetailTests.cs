using System.Text.Json;
using Bunit;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Evaluation;
using TumorWeb.Pipeline.Inference.Output;
using TumorWeb.Web.Components.Charts;
using TumorWeb.Web.Features.Charts;
using TumorWeb.Web.Components.Pages.Evaluations;

namespace TumorWeb.Web.Tests.Pages;

public sealed class EvaluationDetailTests : IAsyncLifetime
{
    private readonly PagesTestContext context = new();

    [Fact]
    public async Task ShowsTheAucsFrocAndTheTrainingSlideWarningFromTheCatalog()
    {
        var ids = await SeedEvaluationAsync();

        var page = context.Render<EvaluationDetail>(p => p.Add(c => c.Id, ids.Evaluation));

        Assert.Contains("Slide-level AUC 0.750", page.Find("[data-test=slide-auc]").TextContent);
        Assert.Contains("FROC score 0.400", page.Find("[data-test=froc-score]").TextContent);
        var froc = page.Find("[data-test=froc]").TextContent;
        Assert.Contains("0.25", froc);
        Assert.Contains("0.600", froc);
        Assert.Contains("n/a", froc);
        var cards = page.FindAll("[data-test=evaluation-slide]");
        Assert.Equal(2, cards.Count);
        var (normal, tumor) = (cards[0], cards[1]);
        Assert.Contains("AUC 0.875", tumor.QuerySelector("[data-test=auc]")!.TextContent);
        Assert.Contains("tissue-only AUC 0.750", tumor.QuerySelector("[data-test=auc-tissue]")!.TextContent);
        Assert.NotNull(tumor.QuerySelector("[data-test=used-in-training]"));
        Assert.Null(normal.QuerySelector("[data-test=used-in-training]"));
        Assert.Contains("not a slide OpenSlide can read", normal.TextContent);
        Assert.Contains("AUC n/a", normal.QuerySelector("[data-test=auc]")!.TextContent);
        Assert.Contains("1 of 2 test slides were also training slides", page.Find("[data-test=training-warning]").TextContent);
    }

    [Fact]
    public async Task AnUndefinedSlideLevelAucSaysWhy()
    {
        var run = new EvaluationRun { ModelPath = "m.ckpt", OutputDirectory = context.TempDirectory, Status = RunStatus.Completed, CreatedAt = RunRows.Start };
        await context.SeedAsync(db => { db.EvaluationRuns.Add(run); return Task.CompletedTask; });

        var page = context.Render<EvaluationDetail>(p => p.Add(c => c.Id, run.Id));

        page.WaitForAssertion(() => Assert.Contains("Slide-level AUC n/a", page.Find("[data-test=slide-auc]").TextContent));
        Assert.Contains("needs at least one normal and one tumour slide", page.Find("[data-test=slide-auc-why]").TextContent);
    }

    [Fact]
    public async Task EachSlideLinksToTheViewerAndItsFigure()
    {
        var ids = await SeedEvaluationAsync();

        var page = context.Render<EvaluationDetail>(p => p.Add(c => c.Id, ids.Evaluation));

        var card = page.FindAll("[data-test=evaluation-slide]")[1];
        Assert.Equal($"slides/{ids.Registered}?evaluation={ids.Evaluation}&slide={ids.TumorSlide}", card.QuerySelector("a[href^='slides/']")!.GetAttribute("href"));
        Assert.Equal($"api/evaluations/{ids.Evaluation}/slides/{ids.TumorSlide}/figure.png", card.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal($"api/evaluations/{ids.Evaluation}/slides/{ids.TumorSlide}/regions.geojson", card.QuerySelector("[data-test=regions-geojson]")!.GetAttribute("href"));
        Assert.Equal($"api/evaluations/{ids.Evaluation}/slides/{ids.TumorSlide}/regions.xml", card.QuerySelector("[data-test=regions-xml]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task RocCurvesAreComputedFromTheStoredHeatmapFiles()
    {
        var ids = await SeedEvaluationAsync();

        var page = context.Render<EvaluationDetail>(p => p.Add(c => c.Id, ids.Evaluation));

        page.WaitForAssertion(() => Assert.Single(page.FindComponents<ApexChart>()));
        var series = page.FindComponent<ApexChart>().Instance.Series;
        Assert.Equal(["all cells", "tissue cells", "chance"], series.Select(s => s.Name));
        // The docs example (docs/evaluation.md): scores 0.9 (tumor), 0.6, 0.5 (tumor), 0.3, then the two zeros.
        Assert.Equal([P(0, 0), P(0, 0.5), P(0.25, 0.5), P(0.25, 1), P(0.5, 1), P(1, 1)], series[0].Points);
        Assert.Equal([P(0, 0), P(0, 0.5), P(0.5, 0.5), P(0.5, 1), P(1, 1)], series[1].Points);
    }

    private static ApexPoint P(double x, double y) => new(x, y);

    private async Task<(int Evaluation, int TumorSlide, int Registered)> SeedEvaluationAsync()
    {
        var heatmaps = Path.Combine(context.TempDirectory, "evaluation-1");
        var tumorFolder = DocsExampleHeatmap.Write(heatmaps, "tumor_001");
        var dataset = new Dataset { Name = "demo", Folder = "/data/demo", CreatedAt = RunRows.Start };
        var registered = new RegisteredSlide { Dataset = dataset, Name = "tumor_001", SlidePath = "/data/demo/tumor_001.tif" };
        var tumor = new EvaluationSlide
        {
            Name = "tumor_001", SlidePath = "/data/demo/tumor_001.tif", HeatmapDirectory = tumorFolder, Auc = 0.875, AucTissue = 0.75,
            MaxScore = 0.9, TumorCells = 2, UsedInTraining = true, Status = SlideStatus.Completed,
        };
        var normal = new EvaluationSlide
        {
            Name = "normal_002", SlidePath = "/elsewhere/normal_002.tif", HeatmapDirectory = Path.Combine(heatmaps, "normal_002"),
            Status = SlideStatus.Failed, Error = "normal_002.tif: not a slide OpenSlide can read",
        };
        var froc = new FrocReport([new(0.25, 0.2), new(0.5, 0.6), new(1, null)], 0.4, 3);
        var report = new EvaluationReport(heatmaps, [], 0.75, froc, [], "roc.png", "evaluation.json");
        var evaluation = new EvaluationRun
        {
            ModelPath = "/runs/training-1/checkpoints/epoch-003.ckpt", OutputDirectory = heatmaps, Status = RunStatus.Completed,
            SlideAuc = 0.75, FrocScore = 0.4, Report = JsonSerializer.Serialize(report, EvaluationReportFile.Json), CreatedAt = RunRows.Start,
            Slides = [tumor, normal],
        };
        await context.SeedAsync(db =>
        {
            db.RegisteredSlides.Add(registered);
            db.EvaluationRuns.Add(evaluation);
            return Task.CompletedTask;
        });
        evaluation.DatasetId = dataset.Id;
        await context.SeedAsync(db =>
        {
            db.EvaluationRuns.Update(evaluation);
            return Task.CompletedTask;
        });
        return (evaluation.Id, tumor.Id, registered.Id);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();
}
