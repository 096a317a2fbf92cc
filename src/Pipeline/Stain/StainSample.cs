namespace TumorWeb.Pipeline.Stain;

/// <summary>
/// Collects the tissue pixels (every channel's optical density at least 0.15) of a few patches of a
/// slide, every <see cref="Stride"/>th pixel in each direction (or a given stride), up to <see cref="MaxPixels"/>, so an
/// estimate costs a bounded amount of memory whatever the slide's size.
/// </summary>
public sealed class StainSample(int stride = StainSample.Stride)
{
    public const int Stride = 3;
    public const int MaxPixels = 300_000;

    /// <summary>Fewer tissue pixels than this give no stable estimate.</summary>
    public const int MinPixels = 500;

    private readonly List<byte> _rgb = [];

    public int Pixels => _rgb.Count / 3;

    /// <summary>Adds the tissue pixels of an RGB image <paramref name="width"/> pixels wide (rows of interleaved R, G, B).</summary>
    public void Add(ReadOnlySpan<byte> rgb, int width)
    {
        if (width <= 0 || rgb.Length % (3 * width) != 0)
            throw new ArgumentException($"{rgb.Length} bytes are not rows of {width} RGB pixels");
        var height = rgb.Length / (3 * width);
        for (var y = 0; y < height && Pixels < MaxPixels; y += stride)
        for (var x = 0; x < width && Pixels < MaxPixels; x += stride)
        {
            var i = 3 * (y * width + x);
            if (!OpticalDensity.IsTissue(rgb[i], rgb[i + 1], rgb[i + 2])) continue;
            _rgb.Add(rgb[i]);
            _rgb.Add(rgb[i + 1]);
            _rgb.Add(rgb[i + 2]);
        }
    }

    /// <summary>Both methods' fit of the pixels collected; null when there are fewer than <see cref="MinPixels"/>.</summary>
    public SlideStain? Fit()
    {
        if (Pixels < MinPixels) return null;
        var densities = new double[_rgb.Count];
        var lab = new double[_rgb.Count];
        for (var i = 0; i < _rgb.Count; i += 3)
        {
            for (var c = 0; c < 3; c++) densities[i + c] = OpticalDensity.Of(_rgb[i + c]);
            (lab[i], lab[i + 1], lab[i + 2]) = LabColor.FromRgb(_rgb[i], _rgb[i + 1], _rgb[i + 2]);
        }
        return new SlideStain(MacenkoFit.Fit(densities), ReinhardStain.Fit(lab), Pixels);
    }
}
