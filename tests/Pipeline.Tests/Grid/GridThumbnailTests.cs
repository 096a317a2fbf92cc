using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Pipeline.Tests.Grid;

public class GridThumbnailTests
{
    private static SlideBuilder TwoStainedCells() =>
        SlideBuilder.Slide(512, 384).FillCell(1, 1, 128, SlideBuilder.Eosin).FillCell(3, 0, 128, (120, 70, 150));

    [Theory]
    [InlineData(new[] { 1 })]
    [InlineData(new[] { 1, 4 })]
    [InlineData(new[] { 1, 4, 32 })]
    [InlineData(new[] { 1, 4, 32, 128 })]
    public void ThumbnailHasOnePixelPerCellWhateverLevelsTheSlideHas(int[] downsamples)
    {
        using var slide = TwoStainedCells().Build(downsamples: downsamples);
        var thumbnail = GridThumbnail.Read(slide, 128, GridOptions.DefaultMaxTissuePixels, 2, null, CancellationToken.None);
        Assert.Equal((4, 3), (thumbnail.Width, thumbnail.Height));
        Assert.Equal(SlideBuilder.Eosin, thumbnail[1, 1]);
        Assert.Equal(((byte)120, (byte)70, (byte)150), thumbnail[3, 0]);
        Assert.Equal(SlideBuilder.Glass, thumbnail[0, 2]);
    }

    [Fact]
    public void CellIsTheAverageOfItsPixels()
    {
        using var slide = SlideBuilder.Slide(256, 128).Fill(0, 0, 64, 128, (0, 0, 0)).Build();
        var thumbnail = GridThumbnail.Read(slide, 128, GridOptions.DefaultMaxTissuePixels, 1, null, CancellationToken.None);
        Assert.Equal(((byte)120, (byte)120, (byte)120), thumbnail[0, 0]);
        Assert.Equal(SlideBuilder.Glass, thumbnail[1, 0]);
    }

    [Fact]
    public void PartialEdgeCellsAverageOnlyPixelsOnTheSlide()
    {
        using var slide = SlideBuilder.Slide(300, 200).Fill(0, 0, 300, 200, SlideBuilder.Eosin).Build(downsamples: [1, 4]);
        var thumbnail = GridThumbnail.Read(slide, 128, GridOptions.DefaultMaxTissuePixels, 2, null, CancellationToken.None);
        Assert.Equal((3, 2), (thumbnail.Width, thumbnail.Height));
        Assert.Equal(SlideBuilder.Eosin, thumbnail[2, 1]);
    }

    [Fact]
    public void SmallCellsOnALargeSlideSpanSeveralTiles()
    {
        using var slide = SlideBuilder.Slide(4200, 10).Pixel(4199, 9, (0, 0, 0)).Pixel(2048, 0, (0, 0, 0)).Build();
        var thumbnail = GridThumbnail.Read(slide, 2, GridOptions.DefaultMaxTissuePixels, 2, null, CancellationToken.None);
        Assert.Equal((2100, 5), (thumbnail.Width, thumbnail.Height));
        Assert.Equal(((byte)180, (byte)180, (byte)180), thumbnail[2099, 4]);
        Assert.Equal(((byte)180, (byte)180, (byte)180), thumbnail[1024, 0]);
        Assert.Equal(SlideBuilder.Glass, thumbnail[1023, 0]);
        Assert.Equal(SlideBuilder.Glass, thumbnail[2098, 4]);
    }
}
