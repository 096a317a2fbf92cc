using TumorWeb.Pipeline.Stain;

namespace TumorWeb.Pipeline.Tests.Stain;

public sealed class MacenkoNormalizerTests
{
    private static readonly MacenkoStain Source = new(new StainVector(0.45, 0.80, 0.40).Unit(), new StainVector(0.25, 0.70, 0.67).Unit(), 2.0, 1.0);

    [Fact]
    public void APureSourceStainAtItsMaximumBecomesThePureTargetStainAtItsMaximum()
    {
        var target = MacenkoStain.Reference;
        var h = Source.Haematoxylin;
        byte[] pixel = [OpticalDensity.ToByte(2.0 * h.R), OpticalDensity.ToByte(2.0 * h.G), OpticalDensity.ToByte(2.0 * h.B)];

        new MacenkoNormalizer(Source, target).Apply(pixel);

        var th = target.Haematoxylin.Unit();
        byte[] expected = [OpticalDensity.ToByte(1.9705 * th.R), OpticalDensity.ToByte(1.9705 * th.G), OpticalDensity.ToByte(1.9705 * th.B)];
        // Rounding the source to bytes moves the result by at most a step or two.
        for (var c = 0; c < 3; c++) Assert.InRange(pixel[c], expected[c] - 2, expected[c] + 2);
    }

    [Fact]
    public void GlassStaysWhite()
    {
        byte[] glass = [255, 255, 255];
        new MacenkoNormalizer(Source, MacenkoStain.Reference).Apply(glass);
        Assert.Equal([255, 255, 255], glass);
    }

    [Fact]
    public void ANormalisedImageFitsToTheTargetStains()
    {
        var image = StainImages.Paint(Source.Haematoxylin, Source.Eosin, maxH: 1.2, maxE: 0.8, pixels: 30_000, seed: 5);
        var fitted = StainImages.Fit(image);

        new MacenkoNormalizer(fitted.Macenko, MacenkoStain.Reference).Apply(image);
        var after = StainImages.Fit(image).Macenko;

        Assert.InRange(after.Haematoxylin.DegreesTo(MacenkoStain.Reference.Haematoxylin), 0, 5);
        Assert.InRange(after.Eosin.DegreesTo(MacenkoStain.Reference.Eosin), 0, 5);
        Assert.Equal(MacenkoStain.Reference.MaxHaematoxylin, after.MaxHaematoxylin, 0.15);
        Assert.Equal(MacenkoStain.Reference.MaxEosin, after.MaxEosin, 0.15);
    }
}
