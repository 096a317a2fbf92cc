using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Extraction.Store;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Mining;

/// <summary>
/// Reads the mined cells' context patches, as extraction reads them (centred, white outside the
/// slide), into a fresh lane of the pack after the linked shards, so nothing is ever appended to a shared file.
/// </summary>
internal static class MinedPatchWriter
{
    public static List<(ScoredCell Cell, PatchLocation Location)> Write(string output, IReadOnlyList<ScoredCell> cells,
        IReadOnlyDictionary<string, RunSlide> slides, int cellSize, int patchSize, CancellationToken ct)
    {
        using var pack = PatchPackWriter.Open(output, PatchPackFiles.FreshLane(output));
        var written = new List<(ScoredCell, PatchLocation)>(cells.Count);
        var pixels = new byte[checked(patchSize * patchSize * 3)];
        foreach (var group in cells.GroupBy(c => c.Slide).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            using var slide = OpenSlideSlide.Open(slides[group.Key].SlidePath);
            foreach (var cell in group)
            {
                ct.ThrowIfCancellationRequested();
                var rect = AnalysisGrid.ContextPatch(cell.X, cell.Y, cellSize, patchSize);
                slide.ReadRegion(new RegionRequest(0, rect.X, rect.Y, rect.Width, rect.Height), pixels);
                written.Add((cell, pack.Append(pixels, rect.Width, rect.Height)));
            }
        }
        pack.Flush();
        return written;
    }
}
