namespace TumorWeb.Pipeline.Stain;

/// <summary>
/// Macenko et al. (2009), "A method for normalizing histology slides for quantitative analysis":
/// the optical densities of tissue pixels (every channel at least β = 0.15) span a plane, found as
/// the two leading eigenvectors of their 3 x 3 covariance; the stains are the directions at the 1st
/// and 99th percentile of the pixels' angles in that plane (α = 1), haematoxylin the one absorbing
/// more red; each stain's amount is the 99th percentile of its concentration.
/// </summary>
public static class MacenkoFit
{
    public const double AnglePercentile = 1;
    public const double ConcentrationPercentile = 99;

    /// <param name="densities">Optical densities of tissue pixels, R, G, B interleaved.</param>
    public static MacenkoStain Fit(ReadOnlySpan<double> densities)
    {
        var count = densities.Length / 3;
        if (count < 3) throw new ArgumentException($"{count} tissue pixels are too few to fit stains");
        var (first, second) = Plane(densities, count);
        var angles = new double[count];
        for (var i = 0; i < count; i++)
        {
            var od = Pixel(densities, i);
            angles[i] = Math.Atan2(od.Dot(second), od.Dot(first));
        }
        Array.Sort(angles);
        var low = Direction(first, second, Percentile.OfSorted(angles, AnglePercentile));
        var high = Direction(first, second, Percentile.OfSorted(angles, 100 - AnglePercentile));
        var (h, e) = low.R > high.R ? (low, high) : (high, low);
        var unscaled = new MacenkoStain(h, e, 1, 1);
        var (maxH, maxE) = MaxConcentrations(densities, count, unscaled.DensityToConcentration());
        return unscaled with { MaxHaematoxylin = maxH, MaxEosin = maxE };
    }

    private static (StainVector First, StainVector Second) Plane(ReadOnlySpan<double> densities, int count)
    {
        var mean = new double[3];
        for (var i = 0; i < densities.Length; i++) mean[i % 3] += densities[i];
        for (var c = 0; c < 3; c++) mean[c] /= count;
        var cov = new double[9];
        for (var i = 0; i < count; i++)
        for (var r = 0; r < 3; r++)
        for (var c = r; c < 3; c++)
            cov[3 * r + c] += (densities[3 * i + r] - mean[r]) * (densities[3 * i + c] - mean[c]);
        for (var r = 0; r < 3; r++)
        for (var c = 0; c < r; c++)
            cov[3 * r + c] = cov[3 * c + r];
        var (_, vectors) = SymmetricEigen.Of(new Matrix3(cov.Select(v => v / Math.Max(1, count - 1)).ToArray()));
        return (Positive(vectors[0]), Positive(vectors[1]));
    }

    // An eigenvector's sign is arbitrary; optical densities are positive, so the stains must be too.
    private static StainVector Positive(StainVector v) => v.R + v.G + v.B < 0 ? new StainVector(-v.R, -v.G, -v.B) : v;

    private static StainVector Direction(StainVector first, StainVector second, double angle)
    {
        var (sin, cos) = Math.SinCos(angle);
        return Positive(new StainVector(first.R * cos + second.R * sin, first.G * cos + second.G * sin, first.B * cos + second.B * sin)).Unit();
    }

    private static (double H, double E) MaxConcentrations(ReadOnlySpan<double> densities, int count, Matrix3 toConcentration)
    {
        var h = new double[count];
        var e = new double[count];
        for (var i = 0; i < count; i++)
        {
            var c = toConcentration.Times(Pixel(densities, i));
            (h[i], e[i]) = (c.R, c.G);
        }
        Array.Sort(h);
        Array.Sort(e);
        return (Percentile.OfSorted(h, ConcentrationPercentile), Percentile.OfSorted(e, ConcentrationPercentile));
    }

    private static StainVector Pixel(ReadOnlySpan<double> densities, int i) => new(densities[3 * i], densities[3 * i + 1], densities[3 * i + 2]);
}
