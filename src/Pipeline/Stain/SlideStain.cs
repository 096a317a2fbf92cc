namespace TumorWeb.Pipeline.Stain;

/// <summary>
/// One slide's (or region's) stain, estimated once from a bounded sample of its tissue pixels: both
/// methods' parameters, so the same estimate serves normalisation and the out-of-range check.
/// </summary>
public sealed record SlideStain(MacenkoStain Macenko, ReinhardStain Reinhard, int Pixels)
{
    /// <summary>The element-wise median of several estimates (stain vectors re-normalised): the default reference of a training set.</summary>
    public static SlideStain Median(IReadOnlyList<SlideStain> stains)
    {
        if (stains.Count == 0) throw new ArgumentException("no stain estimate to take the median of");
        double M(Func<SlideStain, double> of) => Percentile.Of(stains.Select(of), 50);
        var h = new StainVector(M(s => s.Macenko.Haematoxylin.R), M(s => s.Macenko.Haematoxylin.G), M(s => s.Macenko.Haematoxylin.B)).Unit();
        var e = new StainVector(M(s => s.Macenko.Eosin.R), M(s => s.Macenko.Eosin.G), M(s => s.Macenko.Eosin.B)).Unit();
        return new SlideStain(
            new MacenkoStain(h, e, M(s => s.Macenko.MaxHaematoxylin), M(s => s.Macenko.MaxEosin)),
            new ReinhardStain(M(s => s.Reinhard.MeanL), M(s => s.Reinhard.MeanA), M(s => s.Reinhard.MeanB),
                M(s => s.Reinhard.StdL), M(s => s.Reinhard.StdA), M(s => s.Reinhard.StdB)),
            (int)M(s => s.Pixels));
    }
}
