using Microsoft.Playwright;

namespace TumorWeb.Browser.Tests;

public sealed class AppStartTests
{
    [Fact]
    public async Task FreshAppServesTheDashboardWithNavigationInChromium()
    {
        var data = Directory.CreateTempSubdirectory("tumorweb-browser-").FullName;
        await using var app = await AppProcess.StartAsync(data, Path.Combine(BrowserSession.ArtifactDirectory, "app-start.log"),
            "--TumorWeb:DemoDataset=false");
        await using var browser = await BrowserSession.StartAsync();

        await browser.Page.GotoAsync(app.BaseUrl);
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        await browser.Page.GetByRole(AriaRole.Link, new() { Name = "Datasets" }).ClickAsync();
        await Assertions.Expect(browser.Page).ToHaveURLAsync(app.BaseUrl + "/datasets");
        await browser.ScreenshotAsync("app-start");

        Assert.True(File.Exists(Path.Combine(data, "tumorweb.db")), "the database is created in the data folder at start");
    }
}
