using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Pipeline.Tests.Grid;

public class GridPngTests
{
    private static SlideGrid Grid()
    {
        using var slide = SlideBuilder.Slide(512, 384).FillCell(1, 1, 128, SlideBuilder.Eosin).FillCell(2, 1, 128, SlideBuilder.Eosin).Build();
        using var mask = SlideBuilder.Mask(512, 384).Pixel(300, 200, (255, 255, 255)).Build("mask.tif");
        return SlideGridBuilder.Build(slide, mask, null, new GridOptions { MinTissueArea = 1 }, null, CancellationToken.None);
    }

    [Fact]
    public void OverlayTintsTumorRedAndTissueGreen()
    {
        var overlay = GridOverlay.Render(Grid());
        Assert.Equal(((byte)228, (byte)60, (byte)85), overlay[2, 1]);
        Assert.Equal(((byte)100, (byte)160, (byte)85), overlay[1, 1]);
        Assert.Equal(SlideBuilder.Glass, overlay[0, 0]);
    }

    [Theory]
    [InlineData(4, 128)]
    [InlineData(512, 1)]
    [InlineData(500, 2)]
    [InlineData(2000, 1)]
    public void SmallGridsAreZoomedToAtLeast512PixelsWide(int width, int scale) =>
        Assert.Equal(scale, GridPng.ScaleFor(width));

    [Fact]
    public void PngHasOneSquarePerCell()
    {
        using var temp = new TempDirectory();
        var path = temp.File("grid.png");
        GridPng.Write(Grid(), path);
        using var image = NetVips.Image.NewFromFile(path);
        Assert.Equal((512, 384, 3), (image.Width, image.Height, image.Bands));
        Assert.Equal([228.0, 60.0, 85.0], image.Getpoint(2 * 128 + 127, 128));
        Assert.Equal([100.0, 160.0, 85.0], image.Getpoint(128, 255));
    }

    [Fact]
    public void UnwritablePathIsAnErrorNamingIt()
    {
        var path = "/nonexistent-dir/grid.png";
        var error = Assert.Throws<IOException>(() => GridPng.Write(Grid(), path));
        Assert.StartsWith($"{path}: cannot write the PNG", error.Message);
    }
}
