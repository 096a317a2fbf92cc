using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Extraction;


namespace TumorWeb.Pipeline.Tests.Extraction;

/// <summary>A run that would produce no patch fails with the reason and the fix instead of completing empty.</summary>
public sealed class EmptyRunTests(SyntheticDatasetFixture dataset) : IClassFixture<SyntheticDatasetFixture>, IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly string _work = Directory.CreateTempSubdirectory("tumorweb-empty-").FullName;

    public void Dispose()
    {
        _db.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task RunWhoseSlidesAllFallUnderTheThresholdFailsNamingTheThresholdAndTheFix()
    {
        var options = new ExtractionOptions
        {
            DatasetDirectory = dataset.Directory,
            OutputDirectory = Path.Combine(_work, "out"),
            Grid = new TumorWeb.Pipeline.Grid.GridOptions { TumorSlideThreshold = 1_000_000 },
        };
        var report = await new ExtractionRunner(_db.Factory, TimeProvider.System).RunAsync(options, null, CancellationToken.None);

        Assert.Equal(RunStatus.Failed, report.Status);
        Assert.Equal(0, report.Extracted);
        Assert.StartsWith("no tumour slide: every slide has fewer than 1000000 tumour cells (most: ", report.Error);
        Assert.EndsWith("lower --tumor-slide-threshold, or mark a slide as tumour", report.Error);
        Assert.All(report.Slides, s => Assert.Equal(SlideRole.Normal, s.Role));
        using var db = _db.Open();
        var run = db.ExtractionRuns.Single();
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(report.Error, run.Error);
    }

    [Fact]
    public void ReasonNamesTheSlideWithTheMostTumourCells()
    {
        var slides = new[]
        {
            new RunSlide { Name = "a", TumorCells = 86, Role = SlideRole.Normal },
            new RunSlide { Name = "b", TumorCells = 90, Role = SlideRole.Normal },
        };
        Assert.Equal("no tumour slide: every slide has fewer than 100 tumour cells (most: 90 in b); " +
            "lower --tumor-slide-threshold, or mark a slide as tumour", NothingToExtract.Reason(slides, 100));
        Assert.Null(NothingToExtract.Reason([.. slides, new RunSlide { Name = "c", TumorCells = 120, Role = SlideRole.Tumor }], 100));
        Assert.Equal("no slide of the dataset could be read", NothingToExtract.Reason([], 100));
    }
}
