using TumorWeb.Pipeline.Sampling;

namespace TumorWeb.Pipeline.Tests.Sampling;

/// <summary>Builds sampling input: a slide with n tumor cells on row 0 and m normal cells on row 1.</summary>
public static class SamplingSlideBuilder
{
    public static SamplingSlide Slide(string name, int tumor, int normal, bool isTumorSlide = true, SlideSplit split = SlideSplit.Train) =>
        new(name, isTumorSlide, split,
            Enumerable.Range(0, tumor).Select(x => new GridCell(x, 0)).ToList(),
            Enumerable.Range(0, normal).Select(x => new GridCell(x, 1)).ToList());
}
