using Bunit;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Components.Pages.Extractions;

namespace TumorWeb.Web.Tests.Pages;

public sealed class ExtractionDetailTests : IAsyncLifetime
{
    private readonly PagesTestContext context = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task ACompletedRunWarnsAboutASplitWithoutANormalSlide()
    {
        var run = new ExtractionRun
        {
            Name = "extraction-1", OutputDirectory = "/srv/runs/extraction-1", Status = RunStatus.Completed, CellSize = 128, PatchSize = 299,
            Slides =
            [
                Slide("tumor_001", SlideRole.Tumor, DataSplit.Train, 30, 15), Slide("normal_001", SlideRole.Normal, DataSplit.Train, 0, 15),
                Slide("tumor_002", SlideRole.Tumor, DataSplit.Validation, 16, 8),
            ],
        };
        await context.SeedAsync(db => { db.ExtractionRuns.Add(run); return Task.CompletedTask; });

        var page = context.Render<ExtractionDetail>(p => p.Add(c => c.Id, run.Id));

        page.WaitForAssertion(() => Assert.Equal("validation: 16 tumour, 8 normal: no normal slide in this split",
            page.Find("[data-test=split-warning]").TextContent.Trim()));
        Assert.Contains("extraction-1", page.Find(".server-name").TextContent);
        Assert.DoesNotContain("/srv/runs", page.Markup);
    }

    private static RunSlide Slide(string name, SlideRole role, DataSplit split, int tumor, int normal) => new()
    {
        Name = name, Role = role, Split = split, TumorExtracted = tumor, NormalExtracted = normal, Status = SlideStatus.Completed,
    };
}
