using Microsoft.Playwright;

namespace TumorWeb.Browser.Tests.Pages;

/// <summary>The drawing tools beside the slide viewer (SlideAnnotationsPanel, wwwroot/js/annotations.js).</summary>
public sealed class AnnotationsPanel(IPage page, string baseUrl) : AppPage(page, baseUrl)
{
    public async Task OpenAsync(int slideId)
    {
        await GoAsync($"slides/{slideId}");
        await WaitForAnnotatorAsync();
    }

    /// <summary>The dataset's page, once its circuit is up (a click before that would be lost).</summary>
    public Task OpenDatasetAsync(int datasetId) => GoAsync($"datasets/{datasetId}");

    public Task WaitForAnnotatorAsync() => Page.WaitForFunctionAsync(
        "() => document.querySelector('.tw-viewer')?.tumorwebAnnotator !== undefined", null, new() { Timeout = 60_000 });

    public Task<int> RegionsInViewerAsync() =>
        Page.EvaluateAsync<int>("() => document.querySelector('.tw-viewer').tumorwebAnnotator.getAnnotations().length");

    public Task ChooseAsync(string testId) => Page.Locator($"[data-testid={testId}]").ClickAsync();

    public ILocator Status => Page.Locator("[data-testid=annotation-status]");

    /// <summary>Where level-0 pixel (x, y) of the slide is on the page now, in CSS pixels.</summary>
    public async Task<(float X, float Y)> OnScreenAsync(double x, double y)
    {
        // The mouse reaches only what is on screen: a tool button further down may have scrolled the page.
        await Page.Locator(".tw-viewer").ScrollIntoViewIfNeededAsync();
        var point = await Page.EvaluateAsync<float[]>(@"([x, y]) => {
            const viewer = document.querySelector('.tw-viewer').tumorwebViewer;
            const rect = viewer.element.getBoundingClientRect();
            const p = viewer.viewport.imageToViewerElementCoordinates(new OpenSeadragon.Point(x, y));
            return [rect.left + p.x, rect.top + p.y];
        }", new[] { x, y });
        return (point[0], point[1]);
    }

    /// <summary>Clicks the corners one by one with the mouse, then the first again to close the polygon.</summary>
    public async Task ClickPolygonAsync(IReadOnlyList<(double X, double Y)> corners)
    {
        foreach (var (x, y) in corners.Append(corners[0]))
        {
            var (sx, sy) = await OnScreenAsync(x, y);
            await Page.Mouse.ClickAsync(sx, sy);
            await Page.WaitForTimeoutAsync(300);
        }
    }

    /// <summary>Presses at the first point, drags through the others and releases.</summary>
    public async Task DragFreehandAsync(IReadOnlyList<(double X, double Y)> path)
    {
        var (x0, y0) = await OnScreenAsync(path[0].X, path[0].Y);
        await Page.Mouse.MoveAsync(x0, y0);
        await Page.Mouse.DownAsync();
        foreach (var (x, y) in path.Skip(1))
        {
            var (sx, sy) = await OnScreenAsync(x, y);
            await Page.Mouse.MoveAsync(sx, sy, new() { Steps = 8 });
        }
        await Page.Mouse.UpAsync();
    }

    /// <summary>
    /// The tumour cells of a grid image, read by the browser as a row-major string of 0 and 1: the
    /// viewer's overlay (one pixel per cell, opaque red where tumour) or the CLI's grid PNG (cells
    /// blown up to squares, tumour blended half red over the thumbnail: red above half, green and
    /// blue below, which neither tissue's green tint nor bare glass gives).
    /// </summary>
    public Task<string> TumourCellsAsync(string url, bool cliPng) => Page.EvaluateAsync<string>(@"async ([url, cliPng]) => {
        const image = new Image();
        image.src = url;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalHeight;
        const context = canvas.getContext('2d');
        context.drawImage(image, 0, 0);
        const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
        const scale = cliPng ? window.tumorwebGridScale : 1;
        const width = canvas.width / scale, height = canvas.height / scale;
        let cells = '';
        for (let y = 0; y < height; y++)
            for (let x = 0; x < width; x++) {
                const i = ((y * scale + Math.floor(scale / 2)) * canvas.width + x * scale + Math.floor(scale / 2)) * 4;
                const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
                cells += (cliPng ? r >= 128 && g <= 127 && b <= 127 : a > 0 && r === 255) ? '1' : '0';
            }
        return cells;
    }", new object[] { url, cliPng });

    /// <summary>The zoom of the CLI's grid PNG (GridPng.ScaleFor), for <see cref="TumourCellsAsync"/>.</summary>
    public Task SetCliPngScaleAsync(int scale) => Page.EvaluateAsync("s => { window.tumorwebGridScale = s; }", scale);

    /// <summary>A JSON request from the page, with its sign-in cookie; the answer's text, or "HTTP status: text" when it fails.</summary>
    public Task<string> SendAsync(string method, string url, string body) => Page.EvaluateAsync<string>(@"async ([method, url, body]) => {
        const r = await fetch(url, { method, headers: { 'Content-Type': 'application/json' }, body });
        const text = await r.text();
        return r.ok ? text : 'HTTP ' + r.status + ': ' + text;
    }", new[] { method, url, body });

    public Task<string> FetchTextAsync(string url) =>
        Page.EvaluateAsync<string>("async url => { const r = await fetch(url); return r.ok ? await r.text() : 'HTTP ' + r.status; }", url);
}
