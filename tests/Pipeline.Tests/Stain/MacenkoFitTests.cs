using TumorWeb.Pipeline.Stain;

namespace TumorWeb.Pipeline.Tests.Stain;

public sealed class MacenkoFitTests
{
    [Fact]
    public void RecoversTheStainVectorsAnImageWasPaintedWithWithinFiveDegrees()
    {
        var image = StainImages.Paint(StainImages.Haematoxylin, StainImages.Eosin, maxH: 1.5, maxE: 1.0, pixels: 30_000, seed: 3);

        var fit = MacenkoFit.Fit(Densities(image));

        Assert.InRange(fit.Haematoxylin.DegreesTo(StainImages.Haematoxylin), 0, 5);
        Assert.InRange(fit.Eosin.DegreesTo(StainImages.Eosin), 0, 5);
    }

    [Fact]
    public void RecoversTiltedStainsJustAsWell()
    {
        var h = new StainVector(0.45, 0.80, 0.40).Unit();
        var e = new StainVector(0.25, 0.70, 0.67).Unit();
        var image = StainImages.Paint(h, e, maxH: 1.2, maxE: 0.8, pixels: 30_000, seed: 4);

        var fit = MacenkoFit.Fit(Densities(image));

        Assert.InRange(fit.Haematoxylin.DegreesTo(h), 0, 5);
        Assert.InRange(fit.Eosin.DegreesTo(e), 0, 5);
    }

    [Fact]
    public void StainAmountIsTheNinetyNinthPercentileOfItsConcentration()
    {
        // Pure haematoxylin at concentrations 0.3 .. 1.3 and pure eosin at 0.3 .. 0.8: the 99th
        // percentiles are about 1.29 and 0.795, as read back through the fitted stains.
        var pixels = new List<byte>();
        for (var i = 0; i <= 1000; i++)
        {
            var ch = 0.3 + i / 1000.0;
            var ce = 0.3 + 0.5 * i / 1000.0;
            foreach (var (v, c) in new[] { (StainImages.Haematoxylin, ch), (StainImages.Eosin, ce) })
                pixels.AddRange([OpticalDensity.ToByte(v.R * c), OpticalDensity.ToByte(v.G * c), OpticalDensity.ToByte(v.B * c)]);
        }

        var fit = MacenkoFit.Fit(Densities(pixels.ToArray()));

        Assert.Equal(1.29, fit.MaxHaematoxylin, 0.03);
        Assert.Equal(0.795, fit.MaxEosin, 0.03);
    }

    [Fact]
    public void TooFewPixelsAreRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => MacenkoFit.Fit(new double[] { 0.5, 0.5, 0.5 }));
        Assert.Contains("too few", error.Message);
    }

    private static double[] Densities(byte[] rgb) => rgb.Select(OpticalDensity.Of).ToArray();
}
