using Microsoft.Playwright;

namespace TumorWeb.Browser.Tests.Pages;

public sealed class EvaluationsPage(IPage page, string baseUrl) : AppPage(page, baseUrl)
{
    public Task OpenAsync(int trainingId) => GoAsync($"evaluations?training={trainingId}");

    public Task StartAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Start evaluation" }).ClickAsync();

    public Task OpenRunAsync(int id) => Page.Locator($"a[href='evaluations/{id}']").First.ClickAsync(new() { Timeout = 60_000 });

    /// <summary>The per-slide "AUC ..." lines; a normal slide has none to compute ("n/a").</summary>
    public Task<IReadOnlyList<string>> AucsAsync() => TestId("auc").AllInnerTextsAsync();

    /// <summary>ROC charts drawn with at least one point.</summary>
    public Task<int> RocChartsAsync() => Page.EvaluateAsync<int>(
        "() => [...document.querySelectorAll('[data-test=evaluation-slide] .apexcharts-canvas')].filter(e => e.parentElement.tumorwebChart?.w.globals.series.some(s => s.length > 1)).length");

    /// <summary>Creates a share link in the run's Share panel and returns the URL it shows once.</summary>
    public async Task<string> CreateShareLinkAsync()
    {
        await TestId("share-create").ClickAsync();
        // MudTextField puts the attribute on its input element.
        var field = Page.Locator("input[data-test='share-url']");
        await Assertions.Expect(field).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/share/s_"));
        return await field.InputValueAsync();
    }

    public Task OpenFirstInViewerAsync() => Page.GetByRole(AriaRole.Link, new() { Name = "Open in viewer" }).First.ClickAsync();
}
