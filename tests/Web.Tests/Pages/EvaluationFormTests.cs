using Bunit;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Components.Pages.Evaluations;
using TumorWeb.Web.Features.Jobs;

namespace TumorWeb.Web.Tests.Pages;

/// <summary>The evaluation picker shows each slide's split in the model's extraction and, on the model's own dataset, picks test slides only.</summary>
public sealed class EvaluationFormTests : IAsyncLifetime
{
    private readonly PagesTestContext context = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    private async Task<(TrainingRun Model, Dataset Own, Dataset Other)> SeedAsync()
    {
        RegisteredSlide Registered(string name, string hash) => new() { Name = name, SlidePath = $"/lab/{name}.tif", ContentHash = hash, Role = SlideRole.Tumor, Vendor = "generic-tiff" };
        var own = new Dataset { Name = "Demo", Folder = "/lab", CreatedAt = RunRows.Start, Slides = [Registered("tumor_001", "1:a"), Registered("tumor_002", "1:b"), Registered("tumor_003", "1:c")] };
        var other = new Dataset { Name = "Other lab", Folder = "/other", CreatedAt = RunRows.Start, Slides = [Registered("tumor_001", "1:z")] };
        await context.SeedAsync(db => { db.Datasets.AddRange(own, other); return Task.CompletedTask; });
        var extraction = new ExtractionRun
        {
            Name = "extraction-1", DatasetId = own.Id, Status = RunStatus.Completed, CreatedAt = RunRows.Start,
            Slides =
            [
                new RunSlide { Name = "tumor_001", SlidePath = "/lab/tumor_001.tif", ContentHash = "1:a", Split = DataSplit.Train },
                new RunSlide { Name = "tumor_002", SlidePath = "/lab/tumor_002.tif", ContentHash = "1:b", Split = DataSplit.Validation },
                new RunSlide { Name = "tumor_003", SlidePath = "/lab/tumor_003.tif", ContentHash = "1:c", Split = DataSplit.Test },
            ],
        };
        var model = new TrainingRun { Preset = "tiny", Status = RunStatus.Completed, ExtractionRun = extraction, OutputDirectory = "/runs/training-1", CreatedAt = RunRows.Start };
        await context.SeedAsync(db => { db.TrainingRuns.Add(model); return Task.CompletedTask; });
        return (model, own, other);
    }

    [Fact]
    public async Task OnTheModelsOwnDatasetOnlyTestSlidesArePickedAndSeenSlidesAreNamed()
    {
        var (model, own, other) = await SeedAsync();

        var form = context.Render<EvaluationForm>(p => p.Add(c => c.TrainingRuns, [model]).Add(c => c.Datasets, [own, other]));
        form.Find("button:contains('Start evaluation')").Click();

        form.WaitForAssertion(() => Assert.Single(context.Queue.Requests));
        var parameters = Assert.IsType<EvaluationJobParameters>(context.Queue.Requests[0].Parameters);
        Assert.Equal([own.Slides.Single(s => s.Name == "tumor_003").Id], parameters.SlideIds);
        Assert.Contains("Seen in training: tumor_001, tumor_002", form.Find("[data-test=seen-slides]").TextContent);
    }
}
