using Microsoft.Playwright;

namespace TumorWeb.Browser.Tests.Pages;

public sealed class ExtractionsPage(IPage page, string baseUrl) : AppPage(page, baseUrl)
{
    public Task OpenAsync() => GoAsync("extractions");

    public Task StartAsync() => TestId("start").ClickAsync();

    public Task OpenRunAsync(int id) => Page.Locator($"a[href='extractions/{id}']").First.ClickAsync(new() { Timeout = 60_000 });

    /// <summary>The percentage the run's progress bar shows now, e.g. "42%".</summary>
    public Task<string> ProgressAsync() => Page.Locator(".tw-nowrap", new() { HasTextRegex = new("%$") }).First.InnerTextAsync();

    public Task WaitForProgressOtherThanAsync(string shown) =>
        Assertions.Expect(Page.Locator(".tw-nowrap", new() { HasTextRegex = new("%$") }).First).Not.ToHaveTextAsync(shown, new() { Timeout = 120_000 });

    public Task<int> PatchImagesAsync() => Page.Locator(".tw-patch-grid img").CountAsync();
}
