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

    public Task OpenFirstInViewerAsync() => Page.GetByRole(AriaRole.Link, new() { Name = "Open in viewer" }).First.ClickAsync();
}
