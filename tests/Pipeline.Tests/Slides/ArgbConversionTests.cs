using TumorWeb.Pipeline.Slides.OpenSlide;

namespace TumorWeb.Pipeline.Tests.Slides;

public class ArgbConversionTests
{
    [Fact]
    public void OpaqueKeepsColourTransparentBecomesWhiteHalfAlphaIsCompositedOverWhite()
    {
        uint[] argb = [0xFF102030, 0x00000000, 0x80400000];
        var rgb = new byte[9];
        ArgbConversion.ToRgbOverWhite(argb, rgb);
        Assert.Equal(new byte[] { 0x10, 0x20, 0x30, 255, 255, 255, 0x40 + 127, 127, 127 }, rgb);
    }
}
