using Microsoft.Playwright;

namespace TumorWeb.Browser.Tests.Pages;

public sealed class ViewerPage(IPage page, string baseUrl) : AppPage(page, baseUrl)
{
    /// <summary>Images OpenSeadragon holds: the slide plus each overlay that has loaded.</summary>
    public Task<int> LayersAsync() => Page.EvaluateAsync<int>(
        "() => document.querySelector('.tw-viewer')?.tumorwebViewer?.world.getItemCount() ?? 0");

    public Task WaitForLayersAsync(int atLeast) => Page.WaitForFunctionAsync(
        $"() => (document.querySelector('.tw-viewer')?.tumorwebViewer?.world.getItemCount() ?? 0) >= {atLeast}",
        null, new() { Timeout = 60_000 });
}
