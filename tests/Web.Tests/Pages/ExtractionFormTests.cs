using Bunit;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Components.Pages.Extractions;
using TumorWeb.Web.Features.Jobs;

namespace TumorWeb.Web.Tests.Pages;

public sealed class ExtractionFormTests : IAsyncLifetime
{
    private readonly PagesTestContext context = new();

    [Fact]
    public async Task StartingAnExtractionQueuesAJobWithTheEnteredSettings()
    {
        var (_, datasetId) = await SeedDatasetsAsync();
        context.NavigateTo($"extractions?dataset={datasetId}");
        var page = context.Render<Extractions>();

        Enter(page, "seed", "7");
        Enter(page, "tumor-fraction", "0.5");
        Enter(page, "normal-per-tumor", "1.5");
        Enter(page, "tumor-threshold", "50");
        Enter(page, "cell-size", "256");
        Enter(page, "patch-size", "224");
        page.Find("button[data-test=start]").Click();

        page.WaitForAssertion(() => Assert.Single(context.Queue.Requests));
        var request = context.Queue.Requests[0];
        Assert.Equal(JobKind.Extraction, request.Kind);
        Assert.Equal(new ExtractionJobParameters(datasetId, 7, 0.5, 1.5, 50, 256, 224), request.Parameters);
        page.WaitForAssertion(() => Assert.Contains("Extraction of dataset " + datasetId, page.Markup));
    }

    [Fact]
    public async Task UntouchedFormQueuesTheSeedDefaultsOnTheFirstDataset()
    {
        var (firstId, _) = await SeedDatasetsAsync();
        var page = context.Render<Extractions>();

        page.Find("button[data-test=start]").Click();

        page.WaitForAssertion(() => Assert.Single(context.Queue.Requests));
        var parameters = Assert.IsType<ExtractionJobParameters>(context.Queue.Requests[0].Parameters);
        Assert.Equal(firstId, parameters.DatasetId);
        Assert.Equal((1, 1.0 / 3, 0.5, 100, 128, 299),
            (parameters.Seed, parameters.TumorFraction, parameters.NormalPerTumor, parameters.TumorSlideThreshold, parameters.CellSize, parameters.PatchSize));
    }

    private static void Enter(IRenderedComponent<Extractions> page, string field, string value) =>
        page.Find($"input[data-test={field}]").Change(value);

    /// <summary>Two datasets, so preselecting the one in the query is not a coincidence.</summary>
    private async Task<(int First, int Second)> SeedDatasetsAsync()
    {
        var first = new Dataset { Name = "a-first", Folder = "/data/a", CreatedAt = RunRows.Start };
        var second = new Dataset { Name = "b-second", Folder = "/data/b", CreatedAt = RunRows.Start };
        await context.SeedAsync(db =>
        {
            db.Datasets.AddRange(first, second);
            return Task.CompletedTask;
        });
        return (first.Id, second.Id);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();
}
