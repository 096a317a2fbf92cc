using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using TumorWeb.Web.Features.Charts;

namespace TumorWeb.Web.Components.Charts;

/// <summary>
/// Creates the chart after the first render, then keeps the browser in step with
/// <see cref="Series"/>: appends points when the series only grew, replaces them otherwise, and
/// never re-creates the chart. Destroys it when the component goes.
/// </summary>
public partial class ApexChart : IAsyncDisposable
{
    private const string Module = "tumorweb.charts";
    private readonly string id = "chart-" + Guid.NewGuid().ToString("N");
    private ElementReference element;
    private IReadOnlyList<SeriesShape>? sent;
    private ApexChartOptions? sentOptions;
    private bool disposed;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Parameter, EditorRequired] public ApexChartOptions Options { get; set; } = default!;
    [Parameter, EditorRequired] public IReadOnlyList<ApexSeries> Series { get; set; } = [];
    [Parameter] public string? Class { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (disposed) return;
        if (sent is null)
        {
            Remember();
            await JS.InvokeVoidAsync($"{Module}.create", id, element, Options, Series);
            return;
        }
        if (Options != sentOptions)
        {
            Remember();
            await JS.InvokeVoidAsync($"{Module}.updateOptions", id, Options, Series);
            return;
        }
        var change = SeriesChange.Between(sent, Series);
        if (change.Kind == SeriesChangeKind.None) return;
        Remember();
        if (change.Kind == SeriesChangeKind.Append)
            await JS.InvokeVoidAsync($"{Module}.appendPoints", id, change.Appended);
        else
            await JS.InvokeVoidAsync($"{Module}.updateSeries", id, Series);
    }

    // Taken before the call, so a render during the await does not send the same points twice.
    private void Remember()
    {
        sent = Series.Select(SeriesShape.Of).ToList();
        sentOptions = Options;
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        if (sent is null) return;
        try
        {
            await JS.InvokeVoidAsync($"{Module}.destroy", id);
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the browser's page with it.
        }
        GC.SuppressFinalize(this);
    }
}
