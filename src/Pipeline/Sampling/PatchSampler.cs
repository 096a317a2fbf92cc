namespace TumorWeb.Pipeline.Sampling;

/// <summary>
/// The seed's balancing strategy ("Training set"), applied within each split:
/// from each tumor slide about 1/3 of its tumor cells, then half that many normal cells from the
/// same slide; the normal cells still needed for a 50/50 balance come evenly from the normal
/// slides, which never give tumor cells. Deterministic for a seed.
/// </summary>
public static class PatchSampler
{
    public static IReadOnlyList<SampledCell> Sample(IReadOnlyList<SamplingSlide> slides, SamplingOptions options) =>
        slides.GroupBy(s => s.Split)
            .OrderBy(g => g.Key)
            .SelectMany(g => SampleSplit(g.OrderBy(s => s.Name, StringComparer.Ordinal).ToList(), options))
            .ToList();

    private static IEnumerable<SampledCell> SampleSplit(List<SamplingSlide> slides, SamplingOptions options)
    {
        var sampled = new List<SampledCell>();
        var tumorTotal = 0;
        var normalTotal = 0;
        foreach (var slide in slides.Where(s => s.IsTumorSlide))
        {
            var tumor = Draw(slide, slide.TumorCells, FloorOf(slide.TumorCells.Count * options.TumorFraction), CellLabel.Tumor, options.Seed);
            var normal = Draw(slide, slide.NormalCells, FloorOf(tumor.Count * options.NormalPerTumor), CellLabel.Normal, options.Seed);
            tumorTotal += tumor.Count;
            normalTotal += normal.Count;
            sampled.AddRange(tumor.Concat(normal));
        }
        var normalSlides = slides.Where(s => !s.IsTumorSlide).ToList();
        var quotas = EvenQuota.Split(tumorTotal - normalTotal, normalSlides.Select(s => s.NormalCells.Count).ToList());
        for (var i = 0; i < normalSlides.Count; i++)
            sampled.AddRange(Draw(normalSlides[i], normalSlides[i].NormalCells, quotas[i], CellLabel.Normal, options.Seed));
        return sampled;
    }

    private static List<SampledCell> Draw(SamplingSlide slide, IReadOnlyList<GridCell> cells, int count, CellLabel label, int seed)
    {
        var random = StableRandom.For(seed, slide.Name, label.ToString());
        return StableRandom.Choose(cells, count, random)
            .OrderBy(c => c.Y).ThenBy(c => c.X)
            .Select(c => new SampledCell(slide.Name, c.X, c.Y, label, slide.Split))
            .ToList();
    }

    // 9 * (1/3.0) must give 3, not 2: guard the floor against binary rounding.
    private static int FloorOf(double value) => (int)Math.Floor(value + 1e-9);
}
