namespace TumorWeb.Pipeline.Stain;

/// <summary>
/// A slide's stains as Macenko et al. (2009) see them: the haematoxylin and eosin colours (unit
/// optical-density vectors) and how much of each the tissue carries (the 99th percentile of each
/// stain's concentration), which the normaliser maps onto a reference's.
/// </summary>
public sealed record MacenkoStain(StainVector Haematoxylin, StainVector Eosin, double MaxHaematoxylin, double MaxEosin)
{
    /// <summary>The reference H&amp;E of Macenko et al.'s paper, widely used as a default target.</summary>
    public static MacenkoStain Reference { get; } = new(new StainVector(0.5626, 0.7201, 0.4062), new StainVector(0.2159, 0.8012, 0.5581), 1.9705, 1.0308);

    /// <summary>Optical density to concentrations: the least-squares inverse of the two stain columns (with their normal as a third, which absorbs the residue).</summary>
    internal Matrix3 DensityToConcentration()
    {
        var h = Haematoxylin.Unit();
        var e = Eosin.Unit();
        var normal = new StainVector(h.G * e.B - h.B * e.G, h.B * e.R - h.R * e.B, h.R * e.G - h.G * e.R);
        return Matrix3.FromColumns(h, e, normal.Unit()).Inverse();
    }

    /// <summary>Concentrations to optical density through the two stain columns alone (the residue is dropped, as in the method).</summary>
    internal Matrix3 ConcentrationToDensity() => Matrix3.FromColumns(Haematoxylin.Unit(), Eosin.Unit(), default);
}
