using System.Buffers;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Extraction.Store;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Progress;
using TumorWeb.Pipeline.Sampling;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Extraction;

/// <summary>
/// Reads the sampled context patches of one slide in parallel and stores them: pixels to the
/// pack, then (after the pack is flushed) their rows to the catalog, a batch at a time. A crash
/// therefore never leaves a catalog row without pixels, and a resume skips cells already catalogued.
/// </summary>
internal sealed class SlidePatchExtractor(ExtractionCatalog catalog, PatchPackWriter pack, ExtractionOptions options)
{
    public async Task<int> ExtractAsync(int runId, RunSlide slide, IReadOnlyList<SampledCell> cells,
        ProgressCounter counter, CancellationToken ct)
    {
        var done = await catalog.ExtractedCellsAsync(slide.Id, ct);
        var todo = cells.Where(c => !done.Contains((c.X, c.Y))).ToList();
        counter.Add(cells.Count - todo.Count, slide.Name);
        if (todo.Count == 0) return 0;
        using var image = OpenSlideSlide.Open(slide.SlidePath);
        var geometry = PatchGeometry.Of(image.Metadata, options);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        foreach (var batch in todo.Chunk(options.BatchSize))
        {
            // Cancellation is honoured between batches so a batch is always stored whole.
            ct.ThrowIfCancellationRequested();
            var patches = new Patch[batch.Length];
            try
            {
                Parallel.For(0, batch.Length, parallel, i => patches[i] = Extract(image, geometry, runId, slide, batch[i]));
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                // The first failure (e.g. "No space left on device : '<shard>'") reads better than "One or more errors occurred".
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            }
            pack.Flush();
            slide.TumorExtracted += patches.Count(p => p.Label == PatchLabel.Tumor);
            slide.NormalExtracted += patches.Count(p => p.Label == PatchLabel.Normal);
            await catalog.AddPatchesAsync(slide, patches);
            counter.Add(batch.Length, slide.Name);
        }
        return todo.Count;
    }

    private Patch Extract(ISlide image, PatchGeometry geometry, int runId, RunSlide slide, SampledCell cell)
    {
        var rect = AnalysisGrid.ContextPatch(cell.X, cell.Y, geometry.CellSize, geometry.ContextPixels);
        // Rented: a 299x299 patch is a large-object-heap array, and a fresh one per patch kept the GC busy.
        var length = options.PatchSize * options.PatchSize * 3;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        PatchLocation location;
        try
        {
            var pixels = buffer.AsSpan(0, length);
            if (geometry.ContextPixels == options.PatchSize)
                image.ReadRegion(new RegionRequest(0, rect.X, rect.Y, rect.Width, rect.Height), pixels);
            else
                Inference.ResampledPatch.Read(image, rect, options.PatchSize, pixels);
            location = pack.Append(pixels, options.PatchSize, options.PatchSize);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return new Patch
        {
            ExtractionRunId = runId,
            RunSlideId = slide.Id,
            X = cell.X,
            Y = cell.Y,
            Label = cell.Label,
            Split = cell.Split,
            Shard = location.Shard,
            Offset = location.Offset,
            Length = location.Length,
        };
    }
}
