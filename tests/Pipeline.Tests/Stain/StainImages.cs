using TumorWeb.Pipeline.Stain;

namespace TumorWeb.Pipeline.Tests.Stain;

/// <summary>Images painted from known stains by Beer-Lambert, to test that the fits find them again.</summary>
internal static class StainImages
{
    // Macenko et al.'s reference stains: every channel of each absorbs enough to pass the tissue threshold.
    public static readonly StainVector Haematoxylin = new StainVector(0.5626, 0.7201, 0.4062).Unit();
    public static readonly StainVector Eosin = new StainVector(0.2159, 0.8012, 0.5581).Unit();

    /// <summary>
    /// <paramref name="pixels"/> RGB pixels: a third mostly haematoxylin, a third mostly eosin, the rest
    /// mixtures, with concentrations spread over <paramref name="maxH"/> and <paramref name="maxE"/>.
    /// </summary>
    public static byte[] Paint(StainVector h, StainVector e, double maxH, double maxE, int pixels, int seed)
    {
        var random = new Random(seed);
        var rgb = new byte[pixels * 3];
        for (var i = 0; i < pixels; i++)
        {
            // Nearly pure stains dense enough to be tissue (all channels at least 0.15 OD), and mixtures.
            var (ch, ce) = (i % 3) switch
            {
                0 => (0.8 + random.NextDouble() * maxH, random.NextDouble() * 0.03),
                1 => (random.NextDouble() * 0.03, 0.8 + random.NextDouble() * maxE),
                _ => (0.3 + random.NextDouble() * maxH, 0.3 + random.NextDouble() * maxE),
            };
            rgb[3 * i] = OpticalDensity.ToByte(h.R * ch + e.R * ce);
            rgb[3 * i + 1] = OpticalDensity.ToByte(h.G * ch + e.G * ce);
            rgb[3 * i + 2] = OpticalDensity.ToByte(h.B * ch + e.B * ce);
        }
        return rgb;
    }

    public static SlideStain Fit(byte[] rgb, int width = 100)
    {
        var sample = new StainSample();
        sample.Add(rgb, width);
        return sample.Fit() ?? throw new InvalidOperationException("no tissue in the test image");
    }
}
