using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Sampling;

namespace TumorWeb.Pipeline.Extraction;

/// <summary>Turns the slides' grids into the seed's draw: slide-level splits, then balanced cells.</summary>
internal static class SamplingPlan
{
    public static Dictionary<RunSlide, IReadOnlyList<SampledCell>> Draw(Dictionary<RunSlide, SlideGrid> grids, ExtractionOptions options)
    {
        var splits = SplitAssigner.Assign(grids.Keys.Select(s => (s.Name, s.Role == SlideRole.Tumor)).ToList(), options.Splits);
        foreach (var slide in grids.Keys) slide.Split = splits[slide.Name];
        var input = grids.Select(g => new SamplingSlide(
            g.Key.Name,
            g.Key.Role == SlideRole.Tumor,
            g.Key.Split,
            Cells(g.Value.Tumor),
            Cells(g.Value.Normal))).ToList();
        var sampled = PatchSampler.Sample(input, options.Sampling).ToLookup(c => c.Slide);
        return grids.Keys.ToDictionary(s => s, s => (IReadOnlyList<SampledCell>)sampled[s.Name].ToList());
    }

    private static List<GridCell> Cells(CellMask mask) => mask.Cells().Select(c => new GridCell(c.X, c.Y)).ToList();
}
