using Microsoft.Playwright;

namespace TumorWeb.Browser.Tests.Pages;

/// <summary>The admins' users page.</summary>
public sealed class UsersPage(IPage page, string baseUrl) : AppPage(page, baseUrl)
{
    public Task OpenAsync() => GoAsync("admin/users");

    /// <summary>Creates a user with the page's default role (Viewer) and waits for their row.</summary>
    public async Task CreateViewerAsync(string userName, string password)
    {
        await Page.Locator(".tw-new-user-name input").FillAsync(userName);
        await Page.Locator(".tw-new-user-password input").FillAsync(password);
        await Page.Locator("button.tw-create-user").ClickAsync();
        await Assertions.Expect(Page.Locator(".tw-user-name", new() { HasTextString = userName })).ToBeVisibleAsync();
    }

    public async Task SignOutAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }
}
