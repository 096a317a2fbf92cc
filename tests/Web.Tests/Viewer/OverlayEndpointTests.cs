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
