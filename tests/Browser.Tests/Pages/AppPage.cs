using Microsoft.Playwright;

namespace TumorWeb.Browser.Tests.Pages;

/// <summary>What every page object shares: the browser page, the app's address and a live circuit.</summary>
public abstract class AppPage(IPage page, string baseUrl)
{
    protected IPage Page { get; } = page;
    protected string BaseUrl { get; } = baseUrl;

    /// <summary>Opens a route and waits until Blazor's circuit is up, so clicks reach the server.</summary>
    protected async Task GoAsync(string route)
    {
        await Page.GotoAsync($"{BaseUrl}/{route}");
        await Page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('.mud-layout') !== null");
        await Page.WaitForTimeoutAsync(500);
    }

    protected ILocator TestId(string id) => Page.Locator($"[data-test='{id}']");

    /// <summary>Waits (polling the live page, never reloading) until the run's status chip says <paramref name="status"/>.</summary>
    public Task WaitForStatusAsync(string status, int minutes = 5) =>
        Assertions.Expect(Page.Locator(".mud-chip", new() { HasTextString = status }).First)
            .ToBeVisibleAsync(new() { Timeout = minutes * 60_000 });
}
