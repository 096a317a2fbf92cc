using System.Text.RegularExpressions;
using Bunit;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Components.Pages.Datasets;
using TumorWeb.Web.Tests.Components;

namespace TumorWeb.Web.Tests.Datasets;

public sealed class DatasetDetailPageTests : ComponentTestContext, IAsyncLifetime
{
    private readonly DatasetTestHost _host = new();

    public DatasetDetailPageTests() => _host.AddTo(Services);

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _host.DisposeAsync();
    }

    private async Task<Dataset> SeedAsync()
    {
        await using var db = _host.Db();
        var dataset = new Dataset
        {
            Name = "Lymph nodes",
            Folder = _host.Folder("nodes"),
            Slides =
            [
                new RegisteredSlide { Name = "tumor_001", SlidePath = "/x/tumor_001.tif", MaskPath = "/x/tumor_001_mask.tif", Vendor = "aperio",
                    Width = 100_000, Height = 80_000, LevelCount = 9, TissueCells = 900, TumorCells = 120, NormalCells = 780, Role = SlideRole.Tumor },
                new RegisteredSlide { Name = "normal_001", SlidePath = "/x/normal_001.tif", AnnotationPath = "/x/normal_001.xml", Vendor = "generic-tiff",
                    Width = 4096, Height = 2048, LevelCount = 4, TissueCells = 300, NormalCells = 300, Role = SlideRole.Normal },
                new RegisteredSlide { Name = "broken", SlidePath = "/x/broken.svs", Error = "/x/broken.svs: Unsupported or missing image file" },
            ],
        };
        db.Datasets.Add(dataset);
        db.ExtractionRuns.Add(new ExtractionRun { DatasetId = 99, Slides = [new RunSlide { Name = "tumor_001", Split = DataSplit.Train }] });
        await db.SaveChangesAsync();
        db.ExtractionRuns.Add(new ExtractionRun
        {
            DatasetId = dataset.Id,
            Slides = [new RunSlide { Name = "tumor_001", Split = DataSplit.Test }, new RunSlide { Name = "normal_001", Split = DataSplit.Validation }],
        });
        await db.SaveChangesAsync();
        return dataset;
    }

    [Fact]
    public async Task EverySlideIsShownWithItsMetadataCountsRoleSplitAndError()
    {
        var dataset = await SeedAsync();

        var page = Render<DatasetDetailPage>(p => p.Add(x => x.Id, dataset.Id));

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".slides-table tbody tr").Count));
        var rows = page.FindAll(".slides-table tbody tr").ToDictionary(r => r.QuerySelector(".slide-name")!.TextContent.Trim());
        var tumor = rows["tumor_001"];
        Assert.Contains("100,000 × 80,000", tumor.TextContent);
        Assert.Contains("aperio", tumor.TextContent);
        Assert.Equal("mask", tumor.QuerySelector(".ground-truth")!.TextContent.Trim());
        Assert.Equal("Test", tumor.QuerySelector(".slide-split")!.TextContent.Trim());
        Assert.Equal($"thumbnails/{dataset.Slides[0].Id}", tumor.QuerySelector("img.slide-thumbnail")!.GetAttribute("src"));
        Assert.Equal($"slides/{dataset.Slides[0].Id}", tumor.QuerySelector("a.slide-name")!.GetAttribute("href"));
        Assert.Contains("Tumor", tumor.QuerySelector(".slide-role")!.OuterHtml);

        var normal = rows["normal_001"];
        Assert.Equal("XML annotations", normal.QuerySelector(".ground-truth")!.TextContent.Trim());
        Assert.Equal("Validation", normal.QuerySelector(".slide-split")!.TextContent.Trim());

        var broken = rows["broken"];
        Assert.Equal("/x/broken.svs: Unsupported or missing image file", broken.QuerySelector(".slide-error")!.TextContent.Trim());
        Assert.Null(broken.QuerySelector("img"));
        Assert.Contains("3 slides · 1 tumor · 1 normal · 1 with errors", Regex.Replace(page.Find(".dataset-counts").TextContent, @"\s+", " "));
    }

    [Fact]
    public async Task AnOperatorSwitchesASlideToTheAppsAnnotationsAndTheRowSaysSo()
    {
        var dataset = await SeedAsync();
        var page = Render<DatasetDetailPage>(p => p.Add(x => x.Id, dataset.Id));
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".slides-table tbody tr").Count));

        Row(page, "normal_001").QuerySelector(".ground-truth-switch input")!.Change(true);

        page.WaitForAssertion(() => Assert.Equal("app annotations", Row(page, "normal_001").QuerySelector(".ground-truth")!.TextContent.Trim()));
        await using var db = _host.Db();
        Assert.True(db.RegisteredSlides.Single(s => s.Name == "normal_001").UseAppAnnotations);
        Assert.Equal("normal_001: app", db.AuditEntries.Single(e => e.Action == TumorWeb.Web.Features.Accounts.AuditActions.GroundTruthSource).Detail);
    }

    [Fact]
    public async Task AViewerSeesTheSourceButNoSwitch()
    {
        var dataset = await SeedAsync();
        this.SignInAs(TumorWeb.Web.Features.Accounts.LabRoles.Viewer);

        var page = Render<DatasetDetailPage>(p => p.Add(x => x.Id, dataset.Id));

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".slides-table tbody tr").Count));
        Assert.Equal("mask", Row(page, "tumor_001").QuerySelector(".ground-truth")!.TextContent.Trim());
        Assert.Empty(page.FindAll(".ground-truth-switch"));
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<DatasetDetailPage> page, string name) =>
        page.FindAll(".slides-table tbody tr").Single(r => r.QuerySelector(".slide-name")!.TextContent.Trim() == name);

    [Fact]
    public async Task AGeoJsonSlideListsItsIgnoredClassesWithTheirCounts()
    {
        var geoJson = Path.Combine(_host.Folder("qupath"), "node.geojson");
        static string Feature(string name) =>
            "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]},\"properties\":{\"classification\":{\"name\":\"" + name + "\"}}}";
        await File.WriteAllTextAsync(geoJson, "{\"type\":\"FeatureCollection\",\"features\":["
            + string.Join(",", Feature("Tumor"), Feature("Stroma"), Feature("Stroma"), Feature("Immune cells")) + "]}");
        var dataset = new Dataset
        {
            Name = "QuPath", Folder = _host.Folder("qupath"),
            Slides = [new RegisteredSlide { Name = "node", SlidePath = "/x/node.tif", AnnotationPath = geoJson, Vendor = "generic-tiff", Width = 10, Height = 10 }],
        };
        await using (var db = _host.Db())
        {
            db.Datasets.Add(dataset);
            await db.SaveChangesAsync();
        }

        var page = Render<DatasetDetailPage>(p => p.Add(x => x.Id, dataset.Id));

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".slides-table tbody tr")));
        var row = page.Find(".slides-table tbody tr");
        Assert.Contains("GeoJSON annotations", row.TextContent);
        Assert.Equal("ignored: Immune cells (1), Stroma (2)", row.QuerySelector(".ignored-classes")!.TextContent.Trim());
    }

    [Fact]
    public async Task EachRoleSaysWhyAgainstTheDatasetsThreshold()
    {
        var dataset = await SeedAsync();

        var page = Render<DatasetDetailPage>(p => p.Add(x => x.Id, dataset.Id));

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".slides-table tbody tr").Count));
        var rows = page.FindAll(".slides-table tbody tr").ToDictionary(r => r.QuerySelector(".slide-name")!.TextContent.Trim());
        Assert.Equal("120 tumour cells ≥ 100", rows["tumor_001"].QuerySelector(".role-reason")!.TextContent.Trim());
        Assert.Equal("0 tumour cells < 100", rows["normal_001"].QuerySelector(".role-reason")!.TextContent.Trim());
        Assert.Null(rows["broken"].QuerySelector(".role-reason"));
        Assert.Contains("tumour slide at 100 tumour cells", Regex.Replace(page.Find(".dataset-counts").TextContent, @"\s+", " "));
    }

    [Fact]
    public void UnknownDatasetSaysSo()
    {
        var page = Render<DatasetDetailPage>(p => p.Add(x => x.Id, 404));

        page.WaitForAssertion(() => Assert.Contains("There is no dataset 404", page.Markup));
    }
}
