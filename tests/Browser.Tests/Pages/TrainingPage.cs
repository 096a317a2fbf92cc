using Microsoft.Playwright;

namespace TumorWeb.Browser.Tests.Pages;

public sealed class TrainingPage(IPage page, string baseUrl) : AppPage(page, baseUrl)
{
    public Task OpenAsync(int extractionId) => GoAsync($"training?extraction={extractionId}");

    public Task SetEpochsAsync(int epochs) => Page.GetByLabel("Epochs").FillAsync(epochs.ToString());

    public Task StartAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Start training" }).ClickAsync();

    public Task OpenRunAsync(int id) => Page.Locator($"a[href='training/{id}']").First.ClickAsync(new() { Timeout = 60_000 });

    /// <summary>Points the first (loss) chart has drawn, over all its series.</summary>
    public Task<int> LossPointsAsync() => Page.EvaluateAsync<int>(
        "() => { const c = document.querySelector('.apexcharts-canvas')?.parentElement?.tumorwebChart; return c ? c.w.globals.series.reduce((n, s) => n + s.length, 0) : 0; }");
}
