using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Tests.Grid;

public class MaskTumorScannerTests
{
    private static CellMask Scan(InMemorySlide mask, int cellSize = 128, int tileCells = 16) =>
        MaskTumorScanner.Scan(mask, cellSize, tileCells, 2, null, CancellationToken.None);

    [Fact]
    public void OneNonzeroMaskPixelMarksExactlyItsCell()
    {
        using var mask = SlideBuilder.Mask(512, 384).Pixel(300, 200, (1, 1, 1)).Build();
        Assert.Equal(["....", "..#.", "...."], CellMasks.Draw(Scan(mask)));
    }

    [Theory]
    [InlineData(299, 199, 2, 1)]
    [InlineData(255, 0, 1, 0)]
    [InlineData(256, 0, 2, 0)]
    [InlineData(0, 127, 0, 0)]
    [InlineData(0, 128, 0, 1)]
    public void PixelsAtTheLastRowAndColumnOfPartialEdgeCellsCount(int x, int y, int cellX, int cellY)
    {
        using var mask = SlideBuilder.Mask(300, 200).Pixel(x, y, (255, 255, 255)).Build();
        var tumor = Scan(mask);
        Assert.Equal([(cellX, cellY)], tumor.Cells());
    }

    [Fact]
    public void OnlyTheFirstChannelCounts()
    {
        using var mask = SlideBuilder.Mask(300, 200).Pixel(10, 10, (0, 255, 255)).Pixel(200, 150, (1, 0, 0)).Build();
        Assert.Equal([(1, 1)], Scan(mask).Cells());
    }

    [Fact]
    public void WhiteOutsideTheSlideIsNotTumor()
    {
        using var mask = SlideBuilder.Mask(300, 200).Build();
        Assert.Equal(0, Scan(mask).Count);
    }

    [Theory]
    [InlineData(1, 16, 1)]
    [InlineData(2, 16, 3)]
    [InlineData(3, 7, 2)]
    [InlineData(4, 5, 40)]
    [InlineData(5, 128, 1)]
    public void AgreesWithABruteForceAnyPixelCheckOnRandomMasks(int seed, int cellSize, int tileCells)
    {
        var random = new Random(seed);
        var builder = SlideBuilder.Mask(301, 203);
        var pixels = Enumerable.Range(0, 25)
            .Select(_ => (X: random.Next(301), Y: random.Next(203), R: (byte)random.Next(2), G: (byte)random.Next(256)))
            .ToArray();
        foreach (var p in pixels) builder.Pixel(p.X, p.Y, (p.R, p.G, p.G));
        using var mask = builder.Build();

        var expected = new HashSet<(int, int)>(pixels.Where(p => p.R != 0).Select(p => (p.X / cellSize, p.Y / cellSize)));
        Assert.Equal(expected.Order(), Scan(mask, cellSize, tileCells).Cells().Order());
    }

    [Theory]
    [InlineData(new byte[] { }, false)]
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 0 }, false)]
    [InlineData(new byte[] { 0, 9, 9, 0, 9, 9 }, false)]
    [InlineData(new byte[] { 0, 9, 9, 1, 0, 0 }, true)]
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7, 0, 0 }, true)]
    public void AnyRedNonzeroLooksAtTheFirstChannelOnly(byte[] rgb, bool expected) =>
        Assert.Equal(expected, MaskTumorScanner.AnyRedNonzero(rgb));
}
