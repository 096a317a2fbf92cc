using System.Net;
using NetVips;
using TumorWeb.Pipeline.Inference.Output;
using TumorWeb.Web.Tests.Accounts;

namespace TumorWeb.Web.Tests.Viewer;

/// <summary>Tissue, ground-truth and heatmap overlays: one RGBA pixel per 128-pixel grid cell.</summary>
public sealed class OverlayEndpointTests(ViewerAppFixture app) : IClassFixture<ViewerAppFixture>
{
    private readonly HttpClient _client = app.Factory.CreateClientAs();

    [Theory]
    [InlineData("tissue")]
    [InlineData("tumor")]
    public async Task SlideOverlaysHaveOnePixelPerGridCell(string overlay)
    {
        using var png = await DecodeAsync($"/slides/{app.TumorSlideId}/overlays/{overlay}.png");

        Assert.Equal((ViewerAppFixture.GridWidth, ViewerAppFixture.GridHeight, 4), (png.Width, png.Height, png.Bands));
        var opaque = Opaque(png);
        Assert.InRange(opaque, 1, png.Width * png.Height - 1);
    }

    [Fact]
    public async Task TheGridIsKeptOnDiskUnderTheSlidesId()
    {
        await DecodeAsync($"/slides/{app.TumorSlideId}/overlays/tissue.png");

        var folder = Path.Combine(app.DataDirectory, "grids", app.TumorSlideId.ToString());
        Assert.True(File.Exists(Path.Combine(folder, "tissue.png")));
        Assert.True(File.Exists(Path.Combine(folder, "tumor.png")));
    }

    [Fact]
    public async Task ASlideWithoutMaskOrAnnotationsHasNoGroundTruthOverlay()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/slides/{app.NormalSlideId}/overlays/tumor.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/slides/9999/overlays/tissue.png")).StatusCode);
    }

    [Fact]
    public async Task TheHeatmapIsJetOnTissueAndTransparentElsewhere()
    {
        using var png = await DecodeAsync($"/evaluations/{app.EvaluationId}/slides/{app.EvaluationSlideId}/overlay.png");

        Assert.Equal((ViewerAppFixture.GridWidth, ViewerAppFixture.GridHeight, 4), (png.Width, png.Height, png.Bands));
        var (r, g, b) = JetColormap.Colour(app.Heatmap.Probabilities[3 * ViewerAppFixture.GridWidth + 5]);
        Assert.Equal([r, g, b, 255.0], png.Getpoint(5, 3));
        Assert.Equal([0.0, 0, 0, 0], png.Getpoint(ViewerAppFixture.GridWidth - 1, 3));
    }

    [Fact]
    public async Task TheHeatmapHidesCellsBelowTheThresholdInTheChosenColourMap()
    {
        using var png = await DecodeAsync($"/evaluations/{app.EvaluationId}/slides/{app.EvaluationSlideId}/overlay.png?colormap=viridis&threshold=0.5");

        // Probability rises with x over the 8 tissue columns: x / 16, so columns 0..7 score 0 .. 0.4375, all below 0.5.
        Assert.Equal([0.0, 0, 0, 0], png.Getpoint(7, 3));
        using var low = await DecodeAsync($"/evaluations/{app.EvaluationId}/slides/{app.EvaluationSlideId}/overlay.png?colormap=viridis&threshold=0.25");
        Assert.Equal([0.0, 0, 0, 0], low.Getpoint(3, 3));
        var (r, g, b) = ViridisColormap.Colour(app.Heatmap.Probabilities[3 * ViewerAppFixture.GridWidth + 4]);
        Assert.Equal([r, g, b, 255.0], low.Getpoint(4, 3));
    }

    [Theory]
    [InlineData("colormap=rainbow", "colormap must be one of jet, viridis, not 'rainbow'")]
    [InlineData("threshold=1.5", "threshold must be a number from 0 to 1, not '1.5'")]
    [InlineData("threshold=abc", "threshold must be a number from 0 to 1, not 'abc'")]
    public async Task ABadHeatmapStyleIsRefusedNamingTheValue(string query, string problem)
    {
        var response = await _client.GetAsync($"/evaluations/{app.EvaluationId}/slides/{app.EvaluationSlideId}/overlay.png?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheGroundTruthOutlineIsTheTumourCellsContours()
    {
        var response = await _client.GetAsync($"/slides/{app.TumorSlideId}/overlays/tumor-outline.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(128, root.GetProperty("cellSize").GetInt32());
        Assert.Equal((ViewerAppFixture.GridWidth, ViewerAppFixture.GridHeight), (root.GetProperty("gridWidth").GetInt32(), root.GetProperty("gridHeight").GetInt32()));
        // The tumor cells of tumor.png, outlined: each cell edge between a tumor and a non-tumor cell is covered once.
        using var tumor = await DecodeAsync($"/slides/{app.TumorSlideId}/overlays/tumor.png");
        var alpha = tumor[3].WriteToMemory<byte>();
        bool Set(int x, int y) => x >= 0 && y >= 0 && x < tumor.Width && y < tumor.Height && alpha[y * tumor.Width + x] == 255;
        var expected = 0;
        for (var y = 0; y <= tumor.Height; y++)
        for (var x = 0; x <= tumor.Width; x++)
        {
            if (x < tumor.Width && Set(x, y - 1) != Set(x, y)) expected++;
            if (y < tumor.Height && Set(x - 1, y) != Set(x, y)) expected++;
        }
        var segments = root.GetProperty("segments").EnumerateArray().Select(s => s.EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToList();
        Assert.True(expected > 0, "the synthetic tumor slide has tumor cells");
        Assert.Equal(expected, segments.Sum(s => Math.Abs(s[2] - s[0]) + Math.Abs(s[3] - s[1])));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/slides/{app.NormalSlideId}/overlays/tumor-outline.json")).StatusCode);
    }

    [Fact]
    public async Task AHeatmapOfAnotherEvaluationIsNotFound()
    {
        var response = await _client.GetAsync($"/evaluations/{app.EvaluationId + 1}/slides/{app.EvaluationSlideId}/overlay.png");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static int Opaque(Image png)
    {
        using var alpha = png[3];
        var bytes = alpha.WriteToMemory<byte>();
        return bytes.Count(a => a == 255);
    }

    private async Task<Image> DecodeAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        return Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync());
    }
}
