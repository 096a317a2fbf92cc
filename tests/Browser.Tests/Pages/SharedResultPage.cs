using Microsoft.Playwright;

namespace TumorWeb.Browser.Tests.Pages;

/// <summary>A share link opened by someone without an account: a plain page, no sign-in, no interactive session.</summary>
public sealed class SharedResultPage(IPage page)
{
    public Task OpenAsync(string url) => page.GotoAsync(url);

    public Task<IReadOnlyList<string>> AucsAsync() => page.Locator("[data-test='auc']").AllInnerTextsAsync();

    /// <summary>Waits until the browser fetched and decoded a figure (slide, ground truth, heatmap) through the link.</summary>
    public Task WaitForFigureAsync() =>
        page.WaitForFunctionAsync("() => [...document.images].some(i => i.src.includes('/share/') && i.complete && i.naturalWidth > 0)");

    public Task<int> RocCurvesAsync() => page.Locator("svg polyline").CountAsync();
}
