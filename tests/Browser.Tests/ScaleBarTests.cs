using Microsoft.Playwright;

namespace TumorWeb.Browser.Tests;

/// <summary>
/// The viewer's scale bar length (wwwroot/js/viewer.js, chooseScaleBar): the longest 1, 2 or 5 x 10^k
/// units that fits the bar's room, run in Chromium on the app's own script.
/// </summary>
public sealed class ScaleBarTests
{
    [Fact]
    public async Task TheBarIsTheLongestRoundLengthThatFits()
    {
        var data = Directory.CreateTempSubdirectory("tumorweb-scalebar-").FullName;
        await using var app = await AppProcess.StartAsync(data, Path.Combine(BrowserSession.ArtifactDirectory, "scale-bar.log"), "--TumorWeb:DemoDataset=false");
        await using var browser = await BrowserSession.StartAsync();
        // The sign-in page loads the app's scripts too.
        await browser.Page.GotoAsync(app.BaseUrl);
        await browser.Page.WaitForFunctionAsync("() => window.tumorweb?.viewer?.chooseScaleBar !== undefined");

        (double UnitsPerPixel, double MaxPixels, string Unit, double Length, double Pixels, string Label)[] cases =
        [
            (0.25, 150, "µm", 20, 80, "20 µm"),        // 37.5 µm of room: 50 is too long, 20 fits
            (10, 150, "µm", 1000, 100, "1 mm"),        // 1,500 µm of room
            (0.004, 150, "µm", 0.5, 125, "0.5 µm"),    // 0.6 µm of room
            (1, 100, "px", 100, 100, "100 px"),        // exactly 100 px of room
            (20, 150, "px", 2000, 100, "2,000 px"),    // 3,000 px of room
            (0.5, 1000, "px", 500, 1000, "500 px"),
        ];
        foreach (var c in cases)
        {
            var bar = await browser.Page.EvaluateAsync<Bar>("([u, m, unit]) => tumorweb.viewer.chooseScaleBar(u, m, unit)",
                new object[] { c.UnitsPerPixel, c.MaxPixels, c.Unit });
            Assert.Equal((c.Length, c.Pixels, c.Label), (bar.Length, Math.Round(bar.Pixels, 6), bar.Label));
        }
    }

    private sealed class Bar
    {
        public double Length { get; set; }
        public double Pixels { get; set; }
        public string Label { get; set; } = "";
    }
}
