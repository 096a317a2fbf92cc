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

    /// <summary>
    /// Starts recording every status chip and progress text the page shows from now on, as the
    /// server pushes them over the circuit; the page is never reloaded while recording.
    /// </summary>
    public Task RecordLiveTextsAsync() => Page.EvaluateAsync(@"() => {
        window.tumorwebSeen = new Set();
        const record = () => document.querySelectorAll('.mud-chip, .tw-nowrap').forEach(e => window.tumorwebSeen.add(e.textContent.trim()));
        new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
        record();
    }");

    public async Task<IReadOnlyList<string>> LiveTextsAsync() =>
        await Page.EvaluateAsync<string[]>("() => [...(window.tumorwebSeen ?? [])]");

    protected ILocator TestId(string id) => Page.Locator($"[data-test='{id}']");

    /// <summary>Waits (polling the live page, never reloading) until the run's status chip says <paramref name="status"/>.</summary>
    public Task WaitForStatusAsync(string status, int minutes = 5) =>
        Assertions.Expect(Page.Locator(".mud-chip", new() { HasTextString = status }).First)
            .ToBeVisibleAsync(new() { Timeout = minutes * 60_000 });
}
