using TumorWeb.Pipeline.Inference.Output;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Tests.Inference;

public class FigureTests
{
    private static readonly (byte R, byte G, byte B) White = (255, 255, 255);
    private static readonly (byte R, byte G, byte B) Black = (0, 0, 0);

    [Fact]
    public void OverlayMixesThumbnailAndJetHalfAndHalf()
    {
        Assert.Equal(((byte)100, (byte)50, (byte)89), HeatmapOverlay.Blend((200, 100, 50), (0, 0, 128)));
        var thumbnail = RgbImage.Filled(2, 1, 200, 100, 50);
        var overlay = HeatmapOverlay.Render(thumbnail, [0f, 1f]);
        Assert.Equal(((byte)100, (byte)50, (byte)89), overlay[0, 0]);
        Assert.Equal(((byte)164, (byte)50, (byte)25), overlay[1, 0]);
    }

    [Fact]
    public void OverlayNeedsOneValuePerThumbnailPixel()
    {
        var error = Assert.Throws<ArgumentException>(() => HeatmapOverlay.Render(new RgbImage(2, 2), [0f]));
        Assert.Equal("heatmap: 1 values for a 2 x 2 thumbnail", error.Message);
    }

    [Fact]
    public void ComparisonHasGroundTruthLeftAndPredictionRightUnderTitles()
    {
        var thumbnail = RgbImage.Filled(2, 1, 200, 100, 50);
        var figure = ComparisonFigure.Render(thumbnail, [true, false], [0f, 1f], zoom: 3);

        // margin 8 | panel 6 | gap 16 | panel 6 | margin 8; titles 14 high between margins of 8.
        Assert.Equal((44, 41), (figure.Width, figure.Height));
        Assert.Equal(30, ComparisonFigure.PanelTop);
        var tumor = HeatmapOverlay.Blend((200, 100, 50), JetColormap.Colour(1));
        var normal = HeatmapOverlay.Blend((200, 100, 50), JetColormap.Colour(0));
        Assert.Equal(tumor, figure[8, 30]);
        Assert.Equal(tumor, figure[10, 32]);
        Assert.Equal(normal, figure[11, 30]);
        Assert.Equal(normal, figure[30, 30]);
        Assert.Equal(tumor, figure[35, 32]);
        Assert.Equal(White, figure[20, 31]);
        Assert.Equal(White, figure[8, 40]);
        // The first glyph of each title, G and P, starts on row 8 with ".###." and "####.".
        Assert.Equal(White, figure[8, 8]);
        Assert.Equal(Black, figure[10, 8]);
        Assert.Equal(Black, figure[30, 8]);
    }

    [Fact]
    public void PixelFontDrawsScaledGlyphsAndRefusesUnknownCharacters()
    {
        Assert.Equal(22, PixelFont.Width("AB", 2));
        var image = RgbImage.Filled(12, 8, 255, 255, 255);
        PixelFont.Draw(image, "TI", 0, 0, 1, Black);
        Assert.Equal([Black, Black, Black, Black, Black, White, White, Black, Black, Black, White, White],
            Enumerable.Range(0, 12).Select(x => image[x, 0]));
        Assert.Equal([White, White, Black, White, White, White, White, White, Black, White, White, White],
            Enumerable.Range(0, 12).Select(x => image[x, 3]));
        var error = Assert.Throws<ArgumentException>(() => PixelFont.Draw(image, "T?", 0, 0, 1, Black));
        Assert.StartsWith("the pixel font has no glyph for '?' (in \"T?\")", error.Message);
    }
}
