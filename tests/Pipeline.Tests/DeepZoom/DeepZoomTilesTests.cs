using NetVips;
using TumorWeb.Pipeline.DeepZoom;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Tests.DeepZoom;

public sealed class DeepZoomTilesTests
{
    [Fact]
    public void ATileIsAJpegOfTheTileSizeWithTheSlidesColours()
    {
        using var slide = new InMemorySlide(RgbImage.Filled(600, 400, 200, 60, 120), [1, 4]);
        var geometry = new DeepZoomGeometry(slide.Metadata, new DeepZoomOptions());

        var edge = Decode(DeepZoomTiles.RenderJpeg(slide, geometry, geometry.LevelCount - 1, 2, 1));
        var shrunk = Decode(DeepZoomTiles.RenderJpeg(slide, geometry, geometry.LevelCount - 2, 0, 0));

        Assert.Equal((600 - 508 + 1, 400 - 254 + 1), (edge.Width, edge.Height));
        Assert.Equal((255, 200), (shrunk.Width, shrunk.Height));
        var centre = shrunk.Getpoint(100, 100);
        Assert.InRange(centre[0], 195, 205);
        Assert.InRange(centre[1], 55, 65);
        Assert.InRange(centre[2], 115, 125);
    }

    [Fact]
    public void HigherQualityGivesLargerTiles()
    {
        var noise = new RgbImage(256, 256);
        new Random(3).NextBytes(noise.Pixels);

        var low = TileJpeg.Encode(noise.Pixels, 256, 256, 256, 256, quality: 30);
        var high = TileJpeg.Encode(noise.Pixels, 256, 256, 256, 256, quality: 95);

        Assert.True(high.Length > low.Length, $"{high.Length} <= {low.Length}");
    }

    private static Image Decode(byte[] jpeg)
    {
        Assert.Equal([0xFF, 0xD8], jpeg[..2]);
        return Image.NewFromBuffer(jpeg);
    }
}
