using Microsoft.Playwright;

namespace TumorWeb.Browser.Tests.Pages;

public sealed class ExtractionsPage(IPage page, string baseUrl) : AppPage(page, baseUrl)
{
    public Task OpenAsync() => GoAsync("extractions");

    public Task StartAsync() => TestId("start").ClickAsync();

    public Task OpenRunAsync(int id) => Page.Locator($"a[href='extractions/{id}']").First.ClickAsync(new() { Timeout = 60_000 });

    public Task WaitForRunStatusInListAsync(string status) =>
        Assertions.Expect(Page.Locator("[data-test='runs'] .mud-chip", new() { HasTextString = status }).First).ToBeVisibleAsync(new() { Timeout = 300_000 });

    public Task WaitForSamplePatchesAsync() =>
        Assertions.Expect(Page.Locator(".tw-patch-grid img").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
}
