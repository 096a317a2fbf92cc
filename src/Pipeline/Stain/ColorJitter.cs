namespace TumorWeb.Pipeline.Stain;

/// <summary>
/// One patch's colour perturbation: first Tellez et al. (2018)'s HED jitter (each of haematoxylin,
/// eosin and DAB's optical-density concentrations, by Ruifrok and Johnston's matrix, scaled by
/// <see cref="StainScale"/> and shifted by <see cref="StainBias"/>), then Liu et al. (2017)'s
/// brightness (added), saturation (factor), hue (turned, in HSV) and contrast (factor about each
/// channel's patch mean), in the order of TensorFlow's Inception preprocessing.
/// </summary>
public sealed record ColorJitter(double Brightness, double Saturation, double Hue, double Contrast, double[] StainScale, double[] StainBias)
{
    /// <summary>Ruifrok and Johnston (2001)'s haematoxylin, eosin and DAB optical densities, as scikit-image's rgb_from_hed.</summary>
    public static readonly Matrix3 HedToDensity = Matrix3.FromColumns(
        new StainVector(0.65, 0.70, 0.29).Unit(), new StainVector(0.07, 0.99, 0.11).Unit(), new StainVector(0.27, 0.57, 0.78).Unit());

    private static readonly Matrix3 DensityToHed = HedToDensity.Inverse();

    public static ColorJitter Identity { get; } = new(0, 1, 0, 1, [1, 1, 1], [0, 0, 0]);

    /// <summary>A draw within <paramref name="ranges"/> from <paramref name="random"/>.</summary>
    public static ColorJitter Draw(ColorJitterRanges ranges, Random random)
    {
        double Around(double centre, double half) => centre + (2 * random.NextDouble() - 1) * half;
        return new ColorJitter(Around(0, ranges.Brightness), Around(1, ranges.Saturation), Around(0, ranges.Hue), Around(1, ranges.Contrast),
            [Around(1, ranges.StainScale), Around(1, ranges.StainScale), Around(1, ranges.StainScale)],
            [Around(0, ranges.StainBias), Around(0, ranges.StainBias), Around(0, ranges.StainBias)]);
    }

    /// <summary>Perturbs one patch's RGB bytes in place.</summary>
    public void Apply(Span<byte> rgb)
    {
        var pixels = rgb.Length / 3;
        var values = new float[rgb.Length];
        var stain = HedToDensity * Matrix3.Diagonal(StainScale[0], StainScale[1], StainScale[2]) * DensityToHed;
        var bias = HedToDensity.Times(new StainVector(StainBias[0], StainBias[1], StainBias[2]));
        var stainJitter = StainScale.Any(s => s != 1) || StainBias.Any(b => b != 0);
        Span<double> mean = stackalloc double[3];
        for (var i = 0; i < pixels; i++)
        {
            var o = 3 * i;
            var (r, g, b) = (rgb[o] / 255.0, rgb[o + 1] / 255.0, rgb[o + 2] / 255.0);
            if (stainJitter)
            {
                var od = stain.Times(new StainVector(OpticalDensity.Of(rgb[o]), OpticalDensity.Of(rgb[o + 1]), OpticalDensity.Of(rgb[o + 2])));
                (r, g, b) = (Math.Exp(-(od.R + bias.R)), Math.Exp(-(od.G + bias.G)), Math.Exp(-(od.B + bias.B)));
            }
            (r, g, b) = (Unit(r + Brightness), Unit(g + Brightness), Unit(b + Brightness));
            (r, g, b) = Hsv.Adjust(r, g, b, Hue, Saturation);
            (values[o], values[o + 1], values[o + 2]) = ((float)r, (float)g, (float)b);
            mean[0] += r;
            mean[1] += g;
            mean[2] += b;
        }
        for (var c = 0; c < 3; c++) mean[c] /= Math.Max(1, pixels);
        for (var i = 0; i < values.Length; i++)
        {
            var c = i % 3;
            rgb[i] = (byte)Math.Clamp((int)Math.Round(Unit((values[i] - mean[c]) * Contrast + mean[c]) * 255), 0, 255);
        }
    }

    private static double Unit(double v) => Math.Clamp(v, 0, 1);
}
