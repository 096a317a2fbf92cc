using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using TumorWeb.Browser.Tests.Pages;

namespace TumorWeb.Browser.Tests;

/// <summary>
/// An admin draws a tumour polygon on a normal slide with the mouse, saves it, finds it again after a
/// reload, switches the slide's ground truth to the drawn regions, and the grid's tumour cells become
/// exactly those the grid stage gives for the same polygon as an ASAP XML file (tumorweb grid).
/// </summary>
public sealed class AnnotationDrawingTests
{
    private const int CellSize = 128;

    [Fact]
    public async Task ADrawnPolygonIsSavedKeptAndBecomesTheGridsTumourCells()
    {
        var data = Directory.CreateTempSubdirectory("tumorweb-draw-").FullName;
        await using var app = await AppProcess.StartAsync(data, Path.Combine(BrowserSession.ArtifactDirectory, "annotations.log"),
            "--TumorWeb:Demo:Slides=2", "--TumorWeb:Demo:Side=4096", "--TumorWeb:Demo:NormalSlides=1");
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        try
        {
            await DrawSaveReloadAndCompareAsync(app, browser, page);
            Assert.Empty(browser.PolicyViolations);
        }
        catch
        {
            await browser.ScreenshotAsync("annotations-failed");
            throw;
        }
    }

    private static async Task DrawSaveReloadAndCompareAsync(AppProcess app, BrowserSession browser, IPage page)
    {
        await new SignInPage(page, app.BaseUrl).SignInAsAdminAsync("datasets");
        var datasets = new DatasetsPage(page, app.BaseUrl);
        await datasets.OpenAsync();
        await datasets.WaitForReadyAsync("Demo (synthetic)");
        var panel = new AnnotationsPanel(page, app.BaseUrl);
        var slide = await NormalSlideAsync(panel);

        // The dataset page switches the slide to the app's annotations; with none drawn it has no tumour cell.
        await panel.OpenDatasetAsync(1);
        var row = page.Locator("tr", new() { HasTextString = slide.Name });
        await row.Locator(".ground-truth-switch input").ClickAsync();
        await Assertions.Expect(row.Locator(".ground-truth")).ToHaveTextAsync("app annotations");
        Assert.DoesNotContain('1', await panel.TumourCellsAsync($"slides/{slide.Id}/overlays/tumor.png", cliPng: false));

        await panel.OpenAsync(slide.Id);
        await panel.ChooseAsync("tool-polygon");
        var corners = new[] { (0.30, 0.25), (0.62, 0.31), (0.55, 0.66), (0.28, 0.58) }
            .Select(c => (c.Item1 * slide.Width, c.Item2 * slide.Height)).ToList();
        await panel.ClickPolygonAsync(corners);
        await Assertions.Expect(panel.Status).ToContainTextAsync("1 region, unsaved changes");

        // A freehand stroke, then undo: back to the one polygon.
        await panel.ChooseAsync("tool-freehand");
        await panel.DragFreehandAsync([(0.70 * slide.Width, 0.70 * slide.Height), (0.85 * slide.Width, 0.72 * slide.Height),
            (0.80 * slide.Width, 0.88 * slide.Height), (0.68 * slide.Width, 0.84 * slide.Height)]);
        await Assertions.Expect(panel.Status).ToContainTextAsync("2 regions");
        await panel.ChooseAsync("annotation-undo");
        await Assertions.Expect(panel.Status).ToContainTextAsync("1 region");
        await panel.ChooseAsync("tool-pan");

        await panel.ChooseAsync("annotation-save");
        await Assertions.Expect(panel.Status).ToContainTextAsync("Saved");
        await Assertions.Expect(panel.Status).Not.ToContainTextAsync("unsaved");
        await browser.ScreenshotAsync("annotations-1-drawn");

        await page.ReloadAsync();
        await panel.WaitForAnnotatorAsync();
        await Assertions.Expect(panel.Status).ToContainTextAsync("1 region");
        Assert.Equal(1, await panel.RegionsInViewerAsync());

        var saved = SavedRing(await panel.FetchTextAsync($"api/slides/{slide.Id}/annotations"));
        // The mouse put the corners where they were aimed, to within a few screen pixels.
        var tolerance = 6 * slide.Width / (double)await page.Locator(".tw-viewer").EvaluateAsync<int>("e => e.clientWidth");
        Assert.Equal(corners.Count, saved.Count);
        foreach (var (aimed, got) in corners.Zip(saved))
            Assert.True(Math.Abs(aimed.Item1 - got.X) < tolerance && Math.Abs(aimed.Item2 - got.Y) < tolerance,
                $"corner aimed at {aimed} was saved at {got}");

        var expected = await GridOfAsync(app, panel, slide, saved);
        var drawn = await panel.TumourCellsAsync($"slides/{slide.Id}/overlays/tumor.png", cliPng: false);
        Assert.Equal(expected.Cells.Length, drawn.Length);
        Assert.True(expected.TumorCells > 0, "the polygon covers cells");
        Assert.Equal(expected.TumorCells, drawn.Count(c => c == '1'));
        Assert.Equal(expected.Cells, drawn);
        await browser.ScreenshotAsync("annotations-2-reloaded");
        // The slide was read again with its new ground truth: its counts and (grid-chosen) role follow.
        await WaitForAsync(async () =>
        {
            var now = await NormalSlideAsync(panel);
            return (now.TumorCells, now.Role) == (expected.TumorCells, "Tumor");
        }, "the dataset's row to show the drawn tumour cells and the Tumor role");

        await RunsTakeTheDrawnRegionsAsync(browser, page, panel, slide, expected.TumorCells);
    }

    /// <summary>
    /// Extraction, a one-epoch tiny model and an evaluation of the slide take the drawn regions and
    /// record their hash; the viewer shows them over the prediction; an edit afterwards is flagged on
    /// the evaluation's page.
    /// </summary>
    private static async Task RunsTakeTheDrawnRegionsAsync(BrowserSession browser, IPage page, AnnotationsPanel panel, Slide slide, int tumorCells)
    {
        var extraction = await RunJobAsync(panel, "extraction", "{\"datasetId\":1}");
        var extracted = JsonDocument.Parse(await panel.FetchTextAsync($"api/extractions/{extraction}")).RootElement
            .GetProperty("slides").EnumerateArray().Single(s => s.GetProperty("name").GetString() == slide.Name);
        var hash = extracted.GetProperty("annotationsHash").GetString();
        Assert.NotNull(hash);
        Assert.Equal(tumorCells, extracted.GetProperty("tumorCells").GetInt32());

        var training = await RunJobAsync(panel, "training", $"{{\"extractionRunId\":{extraction},\"epochs\":1}}");
        var evaluation = await RunJobAsync(panel, "evaluation", $"{{\"trainingRunId\":{training},\"datasetId\":1,\"slideIds\":[{slide.Id}]}}");
        var scored = JsonDocument.Parse(await panel.FetchTextAsync($"api/evaluations/{evaluation}")).RootElement.GetProperty("slides")[0];
        Assert.Equal((hash, tumorCells), (scored.GetProperty("annotationsHash").GetString(), scored.GetProperty("tumorCells").GetInt32()));

        await page.GotoAsync($"{page.Url.Split("/slides/")[0]}/slides/{slide.Id}?evaluation={evaluation}&slide={scored.GetProperty("id").GetInt32()}");
        await panel.WaitForAnnotatorAsync();
        await new ViewerPage(page, "").WaitForLayersAsync(3);
        await page.WaitForTimeoutAsync(1000);
        await DocsScreenshotAsync(browser, page);

        var moved = (await panel.FetchTextAsync($"api/slides/{slide.Id}/annotations")).Replace("[[[", "[[[1,1],[");
        Assert.DoesNotContain("HTTP", await panel.SendAsync("PUT", $"api/slides/{slide.Id}/annotations", moved));
        await page.GotoAsync($"{page.Url.Split("/slides/")[0]}/evaluations/{evaluation}");
        await Assertions.Expect(page.Locator("[data-test=annotations-changed]"))
            .ToContainTextAsync($"{slide.Name}: its annotations were edited since this run (the run used {hash}, now ");
    }

    /// <summary>Starts a job through the API, waits for it to complete, and returns its run's id.</summary>
    private static async Task<int> RunJobAsync(AnnotationsPanel panel, string kind, string parameters)
    {
        var started = await panel.SendAsync("POST", $"api/jobs/{kind}", parameters);
        Assert.False(started.StartsWith("HTTP"), started);
        var id = JsonDocument.Parse(started).RootElement.GetProperty("id").GetInt32();
        var deadline = DateTime.UtcNow.AddMinutes(8);
        while (DateTime.UtcNow < deadline)
        {
            var job = JsonDocument.Parse(await panel.FetchTextAsync($"api/jobs/{id}")).RootElement;
            var status = job.GetProperty("status").GetString();
            if (status == "Completed") return job.GetProperty("runId").GetInt32();
            Assert.True(status is "Queued" or "Running", $"{kind} job {id} is {status}: {job.GetProperty("error")}");
            await Task.Delay(1000);
        }
        throw new TimeoutException($"{kind} job {id} did not complete in 8 minutes");
    }

    /// <summary>
    /// The viewer with the drawn region over the prediction, for docs/annotations.md: always under
    /// TestResults/browser, and into docs/images when TUMORWEB_DOCS_SCREENSHOTS=1 asks for it.
    /// </summary>
    private static async Task DocsScreenshotAsync(BrowserSession browser, IPage page)
    {
        await browser.ScreenshotAsync("annotations-3-prediction");
        if (Environment.GetEnvironmentVariable("TUMORWEB_DOCS_SCREENSHOTS") != "1") return;
        var images = Directory.CreateDirectory(Path.Combine(TestPaths.RepositoryRoot, "docs", "images")).FullName;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(images, "viewer-annotations.png"), FullPage = false });
    }

    private sealed record Slide(int Id, string Name, long Width, long Height, int TumorCells, string? Role);

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"waited 90 s for {what}");
            await Task.Delay(500);
        }
    }

    private static async Task<Slide> NormalSlideAsync(AnnotationsPanel panel)
    {
        using var dataset = JsonDocument.Parse(await panel.FetchTextAsync("api/datasets/1"));
        var slide = dataset.RootElement.GetProperty("slides").EnumerateArray().Single(s => s.GetProperty("name").GetString()!.StartsWith("normal_"));
        return new Slide(slide.GetProperty("id").GetInt32(), slide.GetProperty("name").GetString()!,
            slide.GetProperty("width").GetInt64(), slide.GetProperty("height").GetInt64(),
            slide.GetProperty("tumorCells").GetInt32(), slide.GetProperty("role").GetString());
    }

    private static List<(double X, double Y)> SavedRing(string geoJson)
    {
        using var document = JsonDocument.Parse(geoJson);
        var feature = Assert.Single(document.RootElement.GetProperty("features").EnumerateArray().ToList());
        Assert.Equal("Tumor", feature.GetProperty("properties").GetProperty("classification").GetProperty("name").GetString());
        Assert.Equal("admin", feature.GetProperty("properties").GetProperty("author").GetString());
        var ring = feature.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray()
            .Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToList();
        Assert.Equal(ring[0], ring[^1]);
        return ring[..^1];
    }

    /// <summary>The same polygon as ASAP XML through <c>tumorweb grid</c>: its tumour cells as the CLI's PNG shows them.</summary>
    private static async Task<(string Cells, int TumorCells)> GridOfAsync(AppProcess app, AnnotationsPanel panel, Slide slide,
        IReadOnlyList<(double X, double Y)> ring)
    {
        var folder = Directory.CreateTempSubdirectory("tumorweb-draw-grid-").FullName;
        var xml = Path.Combine(folder, "drawn.xml");
        await File.WriteAllTextAsync(xml, "<ASAP_Annotations><Annotations><Annotation Name=\"drawn\" Type=\"Polygon\" PartOfGroup=\"Tumor\"><Coordinates>" +
            string.Concat(ring.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"<Coordinate Order=\"{i}\" X=\"{p.X:R}\" Y=\"{p.Y:R}\" />"))) +
            "</Coordinates></Annotation></Annotations><AnnotationGroups /></ASAP_Annotations>");
        var png = Path.Combine(folder, "grid.png");
        var report = await CliAsync("grid", Path.Combine(app.DataDirectory, "demo", slide.Name + ".tif"), "--annotations", xml, "--png", png, "--json");
        using var json = JsonDocument.Parse(report);
        var gridWidth = json.RootElement.GetProperty("gridWidth").GetInt32();
        Assert.Equal(CellSize, json.RootElement.GetProperty("cellSize").GetInt32());
        // GridPng.ScaleFor: the whole-number zoom to at least 512 pixels wide.
        await panel.SetCliPngScaleAsync(Math.Max(1, (512 + gridWidth - 1) / gridWidth));
        var cells = await panel.TumourCellsAsync("data:image/png;base64," + Convert.ToBase64String(await File.ReadAllBytesAsync(png)), cliPng: true);
        return (cells, json.RootElement.GetProperty("tumorCells").GetInt32());
    }

    private static async Task<string> CliAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = TestPaths.RepositoryRoot };
        start.ArgumentList.Add(AppProcess.AppBinary());
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var cli = Process.Start(start)!;
        var output = cli.StandardOutput.ReadToEndAsync();
        var error = cli.StandardError.ReadToEndAsync();
        await cli.WaitForExitAsync();
        return cli.ExitCode == 0 ? await output : throw new InvalidOperationException($"tumorweb {string.Join(' ', args)} failed ({cli.ExitCode}): {await error}");
    }
}
