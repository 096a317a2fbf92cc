using Microsoft.Playwright;

namespace TumorWeb.Browser.Tests;

/// <summary>
/// Debian's Chromium driven headless by Playwright (its own browser download cannot work here).
/// Screenshots and the app log go to TestResults/browser/ at the repository root.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private BrowserSession(IPlaywright playwright, IBrowser browser, IPage page)
    {
        this.playwright = playwright;
        this.browser = browser;
        Page = Watched(page);
    }

    public IPage Page { get; }

    /// <summary>What the browser refused under the app's Content-Security-Policy, from every page of the session.</summary>
    public IReadOnlyCollection<string> PolicyViolations => policyViolations.ToArray();

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> policyViolations = new();

    private IPage Watched(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) policyViolations.Enqueue(message.Text);
        };
        return page;
    }

    public static string ArtifactDirectory { get; } = Directory.CreateDirectory(
        Path.Combine(TestPaths.RepositoryRoot, "TestResults", "browser")).FullName;

    public static async Task<BrowserSession> StartAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new FileNotFoundException("Chromium is missing: scripts/test.sh installs Debian's chromium package", ChromiumPath);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        page.SetDefaultTimeout(30_000);
        return new BrowserSession(playwright, browser, page);
    }

    /// <summary>A page in a fresh browser context: no cookies, as someone else's browser.</summary>
    public async Task<IPage> NewStrangerPageAsync()
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        page.SetDefaultTimeout(30_000);
        return Watched(page);
    }

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactDirectory, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
