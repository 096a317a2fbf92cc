using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using NetVips;
using TumorWeb.Web.Tests.Accounts;

namespace TumorWeb.Web.Tests.Viewer;

/// <summary>The DZI descriptor and JPEG tiles of a registered synthetic slide, over HTTP.</summary>
public sealed class TileEndpointTests(ViewerAppFixture app) : IClassFixture<ViewerAppFixture>
{
    // 2100 x 1600 halves 12 times down to 1 x 1: 13 levels; the top one has 9 x 7 tiles of 254 px.
    private const int TopLevel = 12;

    private readonly HttpClient _client = app.Factory.CreateClientAs();

    private string Tile(int level, int column, int row, int? slide = null) =>
        $"/slides/{slide ?? app.TumorSlideId}/dzi_files/{level}/{column}_{row}.jpeg";

    [Fact]
    public async Task TheDescriptorStatesTheSlideSizeTileSizeOverlapAndFormat()
    {
        var response = await _client.GetAsync($"/slides/{app.TumorSlideId}/dzi.dzi");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var image = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        XNamespace ns = "http://schemas.microsoft.com/deepzoom/2008";
        Assert.Equal(("254", "1", "jpeg"), ((string)image.Attribute("TileSize")!, (string)image.Attribute("Overlap")!, (string)image.Attribute("Format")!));
        var size = image.Element(ns + "Size")!;
        Assert.Equal(("2100", "1600"), ((string)size.Attribute("Width")!, (string)size.Attribute("Height")!));
    }

    [Fact]
    public async Task AnInteriorTileIsA256PixelJpegOfTissueColours()
    {
        using var tile = await DecodeAsync(Tile(TopLevel, 4, 3));

        Assert.Equal((256, 256, 3), (tile.Width, tile.Height, tile.Bands));
        Assert.True(tile.Avg() < 250, $"mean {tile.Avg()}: a blank tile in the middle of the slide");
    }

    [Fact]
    public async Task TheLastTileIsCutAtTheSlideEdge()
    {
        using var tile = await DecodeAsync(Tile(TopLevel, 8, 6));

        // Columns start at 8 x 254 = 2032 and rows at 6 x 254 = 1524, one pixel of overlap before.
        Assert.Equal((2100 - 2032 + 1, 1600 - 1524 + 1), (tile.Width, tile.Height));
    }

    [Fact]
    public async Task TheOnePixelLevelIsOnePixel()
    {
        using var tile = await DecodeAsync(Tile(0, 0, 0));

        Assert.Equal((1, 1), (tile.Width, tile.Height));
    }

    [Theory]
    [InlineData("/slides/9999/dzi.dzi")]
    [InlineData("/slides/9999/dzi_files/12/0_0.jpeg")]
    public async Task AnUnknownSlideIsNotFound(string url)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData(13, 0, 0)]
    [InlineData(TopLevel, 9, 0)]
    [InlineData(TopLevel, 0, 7)]
    [InlineData(0, 1, 0)]
    public async Task ATileOutsideThePyramidIsNotFound(int level, int column, int row)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(Tile(level, column, row))).StatusCode);
    }

    [Fact]
    public async Task TheSecondRequestIsServedFromTheCacheWithTheSameBytes()
    {
        var first = await _client.GetAsync(Tile(TopLevel, 2, 5));
        var second = await _client.GetAsync(Tile(TopLevel, 2, 5));

        Assert.Equal("miss", first.Headers.GetValues("X-Tile-Cache").Single());
        Assert.Equal("hit", second.Headers.GetValues("X-Tile-Cache").Single());
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Contains("max-age=", first.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task ABrowserHoldingTheTileGetsNotModified()
    {
        var first = await _client.GetAsync(Tile(TopLevel, 1, 1));
        using var again = new HttpRequestMessage(HttpMethod.Get, Tile(TopLevel, 1, 1));
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var response = await _client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.NotEqual(first.Headers.ETag, (await _client.GetAsync(Tile(TopLevel, 1, 2))).Headers.ETag);
    }

    private async Task<Image> DecodeAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new MediaTypeHeaderValue("image/jpeg"), response.Content.Headers.ContentType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xFF, 0xD8], bytes[..2]);
        return Image.NewFromBuffer(bytes);
    }
}
