using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Sampling;

namespace TumorWeb.Pipeline.Extraction;

/// <summary>Turns the slides' saved grids into the seed's draw: slide-level splits, then balanced cells.</summary>
internal static class SamplingPlan
{
    /// <param name="slides">The slides that could be read, in name order.</param>
    public static Dictionary<RunSlide, IReadOnlyList<SampledCell>> Draw(IReadOnlyList<RunSlide> slides,
        IReadOnlyDictionary<RunSlide, SlideCellsFile.Content> grids, ExtractionOptions options)
    {
        var splits = SplitAssigner.Assign(slides.Select(s => (s.Name, s.Role == SlideRole.Tumor)).ToList(), options.Splits);
        foreach (var slide in slides) slide.Split = splits[slide.Name];
        var input = slides.Select(s => new SamplingSlide(s.Name, s.Role == SlideRole.Tumor, s.Split, grids[s].TumorCells, grids[s].NormalCells)).ToList();
        var sampled = PatchSampler.Sample(input, options.Sampling).ToLookup(c => c.Slide);
        return slides.ToDictionary(s => s, s => (IReadOnlyList<SampledCell>)sampled[s.Name].ToList());
    }
}
