using Microsoft.Playwright;
using TumorWeb.Browser.Tests.Pages;

namespace TumorWeb.Browser.Tests;

/// <summary>An admin adds a Viewer in the browser; the Viewer signs in and meets a read-only app.</summary>
public sealed class RolesTests
{
    [Fact]
    public async Task AViewerAddedByTheAdminSeesNoControlsTheRoleMayNotUse()
    {
        var data = Directory.CreateTempSubdirectory("tumorweb-roles-").FullName;
        await using var app = await AppProcess.StartAsync(data, Path.Combine(BrowserSession.ArtifactDirectory, "roles.log"),
            "--TumorWeb:DemoDataset=false");
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        var signIn = new SignInPage(page, app.BaseUrl);

        await signIn.SignInAsAdminAsync();
        var users = new UsersPage(page, app.BaseUrl);
        await users.OpenAsync();
        await users.CreateViewerAsync("vera", "read only passphrase");
        await browser.ScreenshotAsync("roles-1-users");
        await users.SignOutAsync();

        await signIn.SignInAsync("vera", "read only passphrase", "extractions");
        await Assertions.Expect(page.Locator("[data-user='vera']")).ToContainTextAsync("vera · Viewer");
        await Assertions.Expect(page.GetByText("Your role is read-only: an Operator or Admin starts runs.")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("button[data-test=start]").CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Users" }).CountAsync());
        await browser.ScreenshotAsync("roles-2-viewer");

        await page.GotoAsync(app.BaseUrl + "/admin/users");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
    }
}
