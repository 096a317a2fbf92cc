using Microsoft.Playwright;
using TumorWeb.Browser.Tests.Pages;

namespace TumorWeb.Browser.Tests;

/// <summary>
/// The app on a phone (390 x 844, an iPhone 12-14 in CSS pixels) in Chromium: the navigation drawer
/// starts closed, no page scrolls sideways, and the slide viewer fills the screen's width. Also the
/// training form at that size: a value out of range is refused with its range and nothing is queued.
/// </summary>
public sealed class SmallScreenTests
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    private static readonly string[] MainPages =
        ["", "datasets", "datasets/1", "extractions", "extractions/1", "training", "evaluations", "compare", "slides/1", "account/tokens", "admin/users", "admin/audit"];

    [Fact]
    public async Task AtPhoneWidthTheDrawerIsClosedNoPageScrollsSidewaysAndTheViewerFillsTheWidth()
    {
        var data = Directory.CreateTempSubdirectory("tumorweb-phone-").FullName;
        await using var app = await AppProcess.StartAsync(data, Path.Combine(BrowserSession.ArtifactDirectory, "small-screen.log"),
            "--TumorWeb:Demo:Slides=2", "--TumorWeb:Demo:Side=2048", "--TumorWeb:Demo:NormalSlides=1");
        await using var browser = await BrowserSession.StartAsync();
        var phone = browser.Page;
        await phone.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        await phone.GotoAsync(app.BaseUrl);
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.True((await WidthsAsync(phone)).ScrollWidth <= PhoneWidth, $"the sign-in page scrolls sideways: {await WideElementsAsync(phone)}");
        await new SignInPage(browser.Page, app.BaseUrl).SignInAsAdminAsync("datasets");
        await new DatasetsPage(browser.Page, app.BaseUrl).WaitForReadyAsync("Demo (synthetic)");
        var extractions = new ExtractionsPage(browser.Page, app.BaseUrl);
        await extractions.OpenAsync();
        await extractions.StartAsync();
        await extractions.WaitForRunStatusInListAsync("Completed");
        try
        {
            foreach (var route in MainPages)
            {
                await OpenAsync(phone, app.BaseUrl, route);
                Assert.True(await DrawerClosedAsync(phone), $"/{route}: the navigation drawer is open at {PhoneWidth} px");
                var (scrollWidth, innerWidth) = await WidthsAsync(phone);
                Assert.True(scrollWidth <= innerWidth, $"/{route}: the page is {scrollWidth} px wide in a {innerWidth} px window; past its edge: {await WideElementsAsync(phone)}");
            }

            await OpenAsync(phone, app.BaseUrl, "slides/1");
            await phone.WaitForFunctionAsync("() => (document.querySelector('.tw-viewer')?.tumorwebViewer?.world.getItemCount() ?? 0) >= 1");
            var viewerWidth = await phone.EvaluateAsync<double>("() => document.querySelector('.tw-viewer').getBoundingClientRect().width");
            Assert.InRange(viewerWidth, PhoneWidth - 2, PhoneWidth);
            await Assertions.Expect(phone.Locator("[data-testid=scale-bar]")).ToContainTextAsync(" px");
            await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ArtifactDirectory, "phone-viewer.png") });

            // The menu button still opens the drawer, over the page rather than beside it.
            await phone.GetByLabel("menu").ClickAsync();
            await phone.WaitForFunctionAsync("() => document.querySelector('.mud-drawer')?.classList.contains('mud-drawer--open')");
            Assert.True((await WidthsAsync(phone)).ScrollWidth <= PhoneWidth, "the open drawer pushes the page sideways");
            await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ArtifactDirectory, "phone-drawer.png") });

            await TrainingFormRefusesOutOfRangeValuesAsync(phone, app.BaseUrl);
            Assert.Empty(browser.PolicyViolations);
        }
        catch
        {
            await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ArtifactDirectory, "phone-failed.png"), FullPage = true });
            throw;
        }
    }

    /// <summary>Epochs 0, batch 0 and learning rate -1 once started a job with other values; now each is refused, naming its range, and nothing is queued.</summary>
    private static async Task TrainingFormRefusesOutOfRangeValuesAsync(IPage page, string baseUrl)
    {
        (string Label, string Value, string Refusal)[] cases =
        [
            ("Epochs", "0", "epochs must be between 1 and "),
            ("Batch", "0", "batch size must be between 1 and "),
            ("Learning rate", "-1", "learning rate must be above 0 and at most "),
        ];
        foreach (var (label, value, refusal) in cases)
        {
            await OpenAsync(page, baseUrl, "training?extraction=1");
            var field = page.GetByLabel(label, new() { Exact = true });
            await field.FillAsync(value);
            await field.BlurAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Start training" }).ClickAsync();
            await Assertions.Expect(page.GetByText(refusal)).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("No training run yet.")).ToBeVisibleAsync();
            Assert.Equal(0, await page.Locator("text=Training queued").CountAsync());
        }
        await OpenAsync(page, baseUrl, "");
        Assert.Equal(0, await page.Locator("a[href^='training/']").CountAsync());
    }

    private static async Task OpenAsync(IPage page, string baseUrl, string route)
    {
        await page.GotoAsync($"{baseUrl}/{route}");
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('.mud-layout') !== null");
        await page.WaitForTimeoutAsync(750);
    }

    /// <summary>The server renders the page before it knows the window's width; the drawer closes once the circuit has asked.</summary>
    private static async Task<bool> DrawerClosedAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync("() => document.querySelector('.mud-drawer')?.classList.contains('mud-drawer--closed')", null, new() { Timeout = 5_000 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>The innermost elements that reach past the window's right edge, to say what to fix.</summary>
    private static Task<string> WideElementsAsync(IPage page) => page.EvaluateAsync<string>(@"() => {
        const wide = [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1);
        const innermost = wide.filter(e => !wide.some(o => o !== e && e.contains(o)));
        return innermost.slice(0, 8).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + ' (' + Math.round(e.getBoundingClientRect().right) + ')').join(', ');
    }");

    private static async Task<(int ScrollWidth, int InnerWidth)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        return (widths[0], widths[1]);
    }
}
