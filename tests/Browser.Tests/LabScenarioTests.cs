using TumorWeb.Browser.Tests.Pages;

namespace TumorWeb.Browser.Tests;

/// <summary>
/// A lab's first session, in a real browser against the real app: the demo dataset appears, an
/// extraction runs with live progress, the tiny model trains with a growing loss chart, and an
/// evaluation shows AUCs, ROC charts and the heatmap in the slide viewer. Screenshots of every
/// step land in TestResults/browser/.
/// </summary>
public sealed class LabScenarioTests
{
    [Fact]
    public async Task DemoDatasetToHeatmapInTheBrowser()
    {
        var data = Directory.CreateTempSubdirectory("tumorweb-lab-").FullName;
        await using var app = await AppProcess.StartAsync(data, Path.Combine(BrowserSession.ArtifactDirectory, "lab-scenario.log"),
            "--TumorWeb:Demo:Slides=4", "--TumorWeb:Demo:Side=4096", "--TumorWeb:Demo:NormalSlides=1");
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        try
        {
            await RunScenarioAsync(app, browser, page);
            // Every page of the scenario (sign-in, charts, viewer overlays, share page) works under the policy.
            Assert.Empty(browser.PolicyViolations);
        }
        catch
        {
            await browser.ScreenshotAsync("failed");
            throw;
        }
    }

    private static async Task RunScenarioAsync(AppProcess app, BrowserSession browser, Microsoft.Playwright.IPage page)
    {
        await new SignInPage(page, app.BaseUrl).SignInAsAdminAsync("datasets");

        var datasets = new DatasetsPage(page, app.BaseUrl);
        await datasets.OpenAsync();
        await datasets.WaitForReadyAsync("Demo (synthetic)");
        await browser.ScreenshotAsync("1-datasets");

        var extractions = new ExtractionsPage(page, app.BaseUrl);
        await extractions.OpenAsync();
        await extractions.RecordLiveTextsAsync();
        await extractions.StartAsync();
        await extractions.WaitForRunStatusInListAsync("Completed");
        await browser.ScreenshotAsync("2-extraction-done");
        // The page went from the queued or running job to the finished run without a reload.
        var seen = await extractions.LiveTextsAsync();
        Assert.Contains("Completed", seen);
        Assert.True(seen.Contains("Queued") || seen.Contains("Running"), "live states seen: " + string.Join(", ", seen));
        await extractions.OpenRunAsync(1);
        await extractions.WaitForSamplePatchesAsync();
        await browser.ScreenshotAsync("3-extraction-done");

        var training = new TrainingPage(page, app.BaseUrl);
        await training.OpenAsync(extractionId: 1);
        await training.SetEpochsAsync(3);
        await training.StartAsync();
        await training.OpenRunAsync(1);
        await training.WaitForStatusAsync("Running");
        var early = await WaitForPointsAsync(training, atLeast: 1);
        await WaitForPointsAsync(training, atLeast: early + 1);
        await browser.ScreenshotAsync("4-training-running");
        await training.WaitForStatusAsync("Completed");
        await browser.ScreenshotAsync("5-training-done");

        var evaluations = new EvaluationsPage(page, app.BaseUrl);
        await evaluations.OpenAsync(trainingId: 1);
        await evaluations.StartAsync();
        await evaluations.OpenRunAsync(1);
        await evaluations.WaitForStatusAsync("Completed");
        Assert.Contains(await evaluations.AucsAsync(), auc => System.Text.RegularExpressions.Regex.IsMatch(auc, @"^AUC [01]\.\d{3}$"));
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-test=evaluation-slide] .apexcharts-canvas').length > 0");
        Assert.True(await evaluations.RocChartsAsync() > 0, "a ROC curve is drawn");
        await browser.ScreenshotAsync("6-evaluation");

        var shareUrl = await evaluations.CreateShareLinkAsync();
        var stranger = await browser.NewStrangerPageAsync();
        var shared = new SharedResultPage(stranger);
        await shared.OpenAsync(shareUrl);
        Assert.Contains(await shared.AucsAsync(), auc => System.Text.RegularExpressions.Regex.IsMatch(auc, @"^AUC [01]\.\d{3}$"));
        await shared.WaitForFigureAsync();
        Assert.True(await shared.RocCurvesAsync() > 0, "the shared page draws a ROC curve");
        await stranger.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ArtifactDirectory, "6b-shared-evaluation.png"), FullPage = true });
        // Each slide opens in the read-only deep-zoom viewer; its tiles and heatmap come through the link.
        await stranger.Locator("[data-test=open-viewer]").First.ClickAsync();
        await new ViewerPage(stranger, app.BaseUrl).WaitForLayersAsync(atLeast: 2);
        await Microsoft.Playwright.Assertions.Expect(stranger.Locator("[data-testid=scale-bar]")).ToContainTextAsync(" px");
        await stranger.WaitForTimeoutAsync(1500);
        await stranger.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ArtifactDirectory, "6c-shared-viewer.png") });
        // On a phone the shared viewer spans the width and neither shared page scrolls sideways.
        await stranger.SetViewportSizeAsync(390, 844);
        await stranger.ReloadAsync();
        await new ViewerPage(stranger, app.BaseUrl).WaitForLayersAsync(atLeast: 2);
        Assert.InRange(await stranger.EvaluateAsync<double>("() => document.querySelector('.tw-viewer').getBoundingClientRect().width"), 388, 390);
        Assert.True(await stranger.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the shared viewer scrolls sideways on a phone");
        await stranger.GotoAsync(shareUrl);
        Assert.True(await stranger.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the shared results scroll sideways on a phone");
        // The link opens that result only: the rest of the app still asks the stranger to sign in.
        await stranger.GotoAsync(app.BaseUrl + "/evaluations/1");
        await Microsoft.Playwright.Assertions.Expect(stranger.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();

        await evaluations.OpenFirstInViewerAsync();
        var viewer = new ViewerPage(page, app.BaseUrl);
        await viewer.WaitForLayersAsync(atLeast: 2);
        // Ground truth is drawn as an outline over the filled prediction.
        await Microsoft.Playwright.Assertions.Expect(page.Locator("[data-testid=ground-truth-outline]")).ToBeAttachedAsync();
        await page.WaitForTimeoutAsync(1500);
        await browser.ScreenshotAsync("7-viewer-heatmap");
    }

    /// <summary>Polls the live page (no reload) until the loss chart has drawn at least that many points.</summary>
    private static async Task<int> WaitForPointsAsync(TrainingPage training, int atLeast)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            var points = await training.LossPointsAsync();
            if (points >= atLeast) return points;
            await Task.Delay(250);
        }
        throw new TimeoutException($"the loss chart never reached {atLeast} points");
    }
}
