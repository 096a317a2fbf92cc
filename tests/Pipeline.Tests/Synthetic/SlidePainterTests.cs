using TumorWeb.Pipeline.Synthetic;

namespace TumorWeb.Pipeline.Tests.Synthetic;

public class SlidePainterTests
{
    [Fact]
    public void BandsPaintedSeparatelyMatchOneBigBand()
    {
        // Strips are painted in parallel bands; a nucleus straddling a band border must come out whole.
        var recipe = SlideRecipe.Create(4, "tumor_001", true, 1024, 1024);
        var painter = new SlidePainter(recipe);
        var top = (int)recipe.Tumors[0].MinY;
        const int stride = 1024 * 3;
        var whole = new byte[96 * stride];
        painter.Paint(top, 96, whole, stride);
        var pieces = new byte[96 * stride];
        for (var band = 0; band < 96; band += 17) painter.Paint(top + band, Math.Min(17, 96 - band), pieces.AsSpan(band * stride), stride);
        Assert.Equal(whole, pieces);
    }

    [Fact]
    public void NoNucleusReachesFartherThanBandsLookForThem()
    {
        foreach (var style in new[] { NucleusStyle.Normal, NucleusStyle.Spindle, NucleusStyle.Tumor })
        for (var bits = 0UL; bits < 2000; bits++)
            Assert.True(style.Create(0, 0, bits).Reach < NucleusLayout.MaxReach);
    }
}
