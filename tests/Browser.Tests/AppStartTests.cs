using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TumorWeb.Browser.Tests;

public sealed partial class AppStartTests
{
    [Fact]
    public async Task AFirstStartPrintsASetupLinkThatCreatesTheAdminInChromium()
    {
        var data = Directory.CreateTempSubdirectory("tumorweb-browser-").FullName;
        await using var app = await AppProcess.StartAsync(data, Path.Combine(BrowserSession.ArtifactDirectory, "app-start.log"),
            withAdmin: false, "--TumorWeb:DemoDataset=false");
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;

        await page.GotoAsync(app.BaseUrl);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        var link = await SetupLinkAsync(app);
        await page.GotoAsync(link);
        await page.GetByLabel("Password (at least 10 characters)").FillAsync("chosen in the browser");
        await page.GetByLabel("Password again").FillAsync("chosen in the browser");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create admin and sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-user='admin']")).ToContainTextAsync("admin · Admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Datasets" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/datasets");
        await browser.ScreenshotAsync("app-start");
        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByText("This set-up link is not valid")).ToBeVisibleAsync();

        Assert.True(File.Exists(Path.Combine(data, "tumorweb.db")), "the database is created in the data folder at start");
    }

    private static async Task<string> SetupLinkAsync(AppProcess app)
    {
        for (var i = 0; i < 40; i++)
        {
            // The log file keeps earlier runs' lines: this start's link is the last one.
            if (app.LogLines().Select(l => SetupLink().Match(l)).LastOrDefault(m => m.Success) is { } match && match.Value.StartsWith(app.BaseUrl, StringComparison.Ordinal))
                return match.Value;
            await Task.Delay(250);
        }
        throw new InvalidOperationException("the app printed no set-up link");
    }

    [GeneratedRegex(@"http://\S+/account/setup\?token=\S+")]
    private static partial Regex SetupLink();
}
