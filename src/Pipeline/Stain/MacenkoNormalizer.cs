namespace TumorWeb.Pipeline.Stain;

/// <summary>
/// Macenko normalisation from a source slide's stains to a target's: each pixel's optical density is
/// split into haematoxylin and eosin concentrations by the source's stains, each scaled by
/// target max / source max, and recomposed with the target's stains. All of it is one 3 x 3 matrix
/// in optical density, fixed per slide, so the per-pixel cost is three logs (a table), a product and three exps.
/// </summary>
public sealed class MacenkoNormalizer : IPatchColor
{
    private readonly Matrix3 _transform;

    public MacenkoNormalizer(MacenkoStain source, MacenkoStain target)
    {
        var scale = Matrix3.Diagonal(target.MaxHaematoxylin / Safe(source.MaxHaematoxylin), target.MaxEosin / Safe(source.MaxEosin), 0);
        _transform = target.ConcentrationToDensity() * scale * source.DensityToConcentration();
    }

    public void Apply(Span<byte> rgb)
    {
        for (var i = 0; i + 2 < rgb.Length; i += 3)
        {
            var od = _transform.Times(new StainVector(OpticalDensity.Of(rgb[i]), OpticalDensity.Of(rgb[i + 1]), OpticalDensity.Of(rgb[i + 2])));
            rgb[i] = OpticalDensity.ToByte(Math.Max(0, od.R));
            rgb[i + 1] = OpticalDensity.ToByte(Math.Max(0, od.G));
            rgb[i + 2] = OpticalDensity.ToByte(Math.Max(0, od.B));
        }
    }

    private static double Safe(double max) => max > 1e-6 ? max : 1;
}
