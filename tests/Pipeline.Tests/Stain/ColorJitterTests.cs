using TumorWeb.Pipeline.Stain;

namespace TumorWeb.Pipeline.Tests.Stain;

public sealed class ColorJitterTests
{
    private static byte[] Jitter(ColorJitter jitter, params byte[] rgb)
    {
        jitter.Apply(rgb);
        return rgb;
    }

    [Fact]
    public void IdentityLeavesEveryByteAsItWas()
    {
        var pixels = Enumerable.Range(0, 300).Select(i => (byte)(i * 37 % 256)).ToArray();
        Assert.Equal(pixels, Jitter(ColorJitter.Identity, (byte[])pixels.Clone()));
    }

    [Fact]
    public void BrightnessAddsToEveryChannel()
    {
        Assert.Equal([164, 164, 164], Jitter(ColorJitter.Identity with { Brightness = 64 / 255.0 }, 100, 100, 100));
    }

    [Fact]
    public void AThirdTurnOfHueMakesRedGreen()
    {
        Assert.Equal([0, 255, 0], Jitter(ColorJitter.Identity with { Hue = 1 / 3.0 }, 255, 0, 0));
    }

    [Fact]
    public void ZeroSaturationMakesGrey()
    {
        Assert.Equal([200, 200, 200], Jitter(ColorJitter.Identity with { Saturation = 0 }, 200, 100, 50));
    }

    [Fact]
    public void ContrastScalesAboutEachChannelsPatchMean()
    {
        // Means 100, 150, 200; contrast 1.5 spreads each value 1.5 times as far from them.
        Assert.Equal([70, 150, 200, 130, 150, 200], Jitter(ColorJitter.Identity with { Contrast = 1.5 }, 80, 150, 200, 120, 150, 200));
    }

    [Fact]
    public void DoublingHaematoxylinDoublesTheDensityOfAPureHaematoxylinPixel()
    {
        var h = ColorJitter.HedToDensity.Column(0);
        byte[] pixel = [OpticalDensity.ToByte(0.5 * h.R), OpticalDensity.ToByte(0.5 * h.G), OpticalDensity.ToByte(0.5 * h.B)];

        var after = Jitter(ColorJitter.Identity with { StainScale = [2, 1, 1] }, pixel);

        byte[] expected = [OpticalDensity.ToByte(1.0 * h.R), OpticalDensity.ToByte(1.0 * h.G), OpticalDensity.ToByte(1.0 * h.B)];
        for (var c = 0; c < 3; c++) Assert.InRange(after[c], expected[c] - 2, expected[c] + 2);
    }

    [Fact]
    public void DrawsStayWithinTheRangesAndLightIsHalfOfStrong()
    {
        var strong = ColorAugment.Strong.Ranges();
        Assert.Equal(new ColorJitterRanges(64 / 255.0, 0.25, 0.04, 0.75, 0.05, 0.05), strong);
        Assert.Equal(strong.Brightness / 2, ColorAugment.Light.Ranges().Brightness);
        var random = new Random(1);
        for (var i = 0; i < 200; i++)
        {
            var draw = ColorJitter.Draw(strong, random);
            Assert.InRange(draw.Brightness, -64 / 255.0, 64 / 255.0);
            Assert.InRange(draw.Saturation, 0.75, 1.25);
            Assert.InRange(draw.Hue, -0.04, 0.04);
            Assert.InRange(draw.Contrast, 0.25, 1.75);
            Assert.All(draw.StainScale, s => Assert.InRange(s, 0.95, 1.05));
            Assert.All(draw.StainBias, s => Assert.InRange(s, -0.05, 0.05));
        }
    }
}
