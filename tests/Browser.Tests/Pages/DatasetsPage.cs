using Microsoft.Playwright;

namespace TumorWeb.Browser.Tests.Pages;

public sealed class DatasetsPage(IPage page, string baseUrl) : AppPage(page, baseUrl)
{
    public Task OpenAsync() => GoAsync("datasets");

    public Task WaitForReadyAsync(string name) =>
        Assertions.Expect(Page.Locator("tr", new() { HasTextString = name }).GetByText("Ready")).ToBeVisibleAsync(new() { Timeout = 180_000 });

    public Task OpenDatasetAsync(string name) => Page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
}
