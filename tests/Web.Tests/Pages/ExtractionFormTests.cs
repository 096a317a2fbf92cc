using Bunit;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Components.Pages.Extractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Data;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Tests.Components;

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
        Assert.Equal(ComponentTestServices.UserName, request.CreatedBy);
        page.WaitForAssertion(() => Assert.Contains("Extraction of dataset " + datasetId, page.Markup));
    }

    [Fact]
    public async Task SizesInMicronsAreQueuedAsCellMicronsAndPatchMicrons()
    {
        var (_, datasetId) = await SeedDatasetsAsync();
        context.NavigateTo($"extractions?dataset={datasetId}");
        var page = context.Render<Extractions>();

        Enter(page, "cell-microns", "32");
        Enter(page, "patch-microns", "149.5");
        Enter(page, "mpp", "0.5");
        page.Find("button[data-test=start]").Click();

        page.WaitForAssertion(() => Assert.Single(context.Queue.Requests));
        var parameters = Assert.IsType<ExtractionJobParameters>(context.Queue.Requests[0].Parameters);
        Assert.Equal((32.0, 149.5, 0.5), (parameters.CellMicrons, parameters.PatchMicrons, parameters.Mpp));
    }

    [Theory]
    [InlineData("tumor-fraction", "5", "tumor fraction must be above 0 and at most 1 (got 5)")]
    [InlineData("cell-size", "0", "cell size must be between 16 and 4096 pixels (got 0)")]
    [InlineData("test-fraction", "-0.1", "test fraction must be at least 0 and below 1 (got -0.1)")]
    [InlineData("mpp", "0", "microns per pixel must be above 0 and at most 100 (got 0)")]
    public async Task AnOutOfRangeValueIsRefusedWithTheAllowedRangeAndNothingIsQueued(string field, string value, string message)
    {
        var dataset = new Dataset { Name = "real", Folder = context.TempDirectory, CreatedAt = RunRows.Start };
        await context.SeedAsync(db => { db.Datasets.Add(dataset); return Task.CompletedTask; });
        context.Queue.Validates = true;
        var page = context.Render<Extractions>();

        Enter(page, field, value);
        page.Find("button[data-test=start]").Click();

        page.WaitForAssertion(() => Assert.Contains(message, page.Markup));
        Assert.Empty(context.Queue.Requests);
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

    [Fact]
    public async Task AViewerGetsNoFormOnlyAReadOnlyNote()
    {
        await SeedDatasetsAsync();
        context.SignInAs(LabRoles.Viewer);

        var page = context.Render<Extractions>();

        Assert.Empty(page.FindAll("button[data-test=start]"));
        Assert.Contains("Your role is read-only", page.Markup);
    }

    [Fact]
    public async Task TheFormRefusesAViewerOnTheServerEvenWhenItIsShown()
    {
        var (firstId, _) = await SeedDatasetsAsync();
        context.SignInAs(LabRoles.Viewer);
        await using var db = await context.Services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>().CreateDbContextAsync();
        var datasets = await db.Datasets.ToListAsync();
        var form = context.Render<ExtractionForm>(p => p.Add(f => f.Datasets, datasets).Add(f => f.DatasetId, firstId));

        form.Find("button[data-test=start]").Click();

        form.WaitForAssertion(() => Assert.Contains(AuthenticationStates.ReadOnlyRefusal, form.Markup));
        Assert.Empty(context.Queue.Requests);
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
