using Microsoft.Playwright;

namespace TumorWeb.Browser.Tests.Pages;

/// <summary>The sign-in form every visitor meets first.</summary>
public sealed class SignInPage(IPage page, string baseUrl) : AppPage(page, baseUrl)
{
    /// <summary>Opens <paramref name="route"/>, is sent to sign in, signs in and lands back on the route's page.</summary>
    public async Task SignInAsync(string userName, string password, string route = "")
    {
        await Page.GotoAsync($"{BaseUrl}/{route}");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Page.GetByLabel("User name").FillAsync(userName);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('.mud-layout') !== null");
    }

    public Task SignInAsAdminAsync(string route = "") => SignInAsync("admin", AppProcess.AdminPassword, route);
}
