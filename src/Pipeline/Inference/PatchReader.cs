using System.Buffers;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Inference;

/// <summary>
/// The producer half of inference: takes a free buffer, reads the next batch of context patches
/// into it and hands it to the model; it waits when no buffer is free, which bounds memory.
/// Horizontal neighbours are read as one strip (see <see cref="CellRuns"/>) and the strips of a
/// batch are read in parallel; cells go in row order, so neighbouring reads share OpenSlide's tile cache.
/// </summary>
/// <param name="contextPixels">
/// The level-0 size of a context patch; when it is not the model's patch size (a patch size in
/// microns), each patch is read from the best pyramid level and resampled (<see cref="ResampledPatch"/>).
/// </param>
internal sealed class PatchReader(ISlide slide, (int X, int Y)[] cells, int cellSize, int patchSize, int batchSize, int threads, int? contextPixels = null)
{
    /// <summary>Longest strip: 16 cells of 128 with 299 patches is 2,219 x 299 pixels, 2 MB.</summary>
    public const int MaxRunCells = 16;

    private long _readTicks;

    public int PatchBytes { get; } = checked(patchSize * patchSize * 3);

    public double ReadSeconds => TimeSpan.FromTicks(Interlocked.Read(ref _readTicks)).TotalSeconds;

    public byte[] NewBuffer() => new byte[checked(PatchBytes * Math.Min(batchSize, Math.Max(1, cells.Length)))];

    /// <summary>Reads every batch, then completes <paramref name="full"/>; a failure completes it with the exception.</summary>
    public async Task RunAsync(ChannelReader<byte[]> free, ChannelWriter<PatchBatch> full, CancellationToken ct)
    {
        try
        {
            for (var start = 0; start < cells.Length; start += batchSize)
            {
                var buffer = await free.ReadAsync(ct);
                var count = Math.Min(batchSize, cells.Length - start);
                var began = Stopwatch.GetTimestamp();
                ReadBatch(buffer, start, count, ct);
                Interlocked.Add(ref _readTicks, Stopwatch.GetElapsedTime(began).Ticks);
                await full.WriteAsync(new PatchBatch(buffer, start, count), ct);
            }
            full.Complete();
        }
        catch (Exception e)
        {
            full.Complete(e);
        }
    }

    private void ReadBatch(byte[] buffer, int start, int count, CancellationToken ct)
    {
        // Shorter runs when there are few cells per reader, so every reader gets a strip.
        var maxRun = Math.Clamp((count + threads - 1) / threads, 1, MaxRunCells);
        var runs = CellRuns.Split(cells.AsSpan(start, count), maxRun);
        if (threads == 1 || runs.Count == 1)
        {
            foreach (var run in runs) ReadRun(buffer, start, run, ct);
            return;
        }
        try
        {
            Parallel.ForEach(runs, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct },
                run => ReadRun(buffer, start, run, ct));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // The caller reports the slide's own exception (it names the file), not Parallel's wrapper.
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }

    private void ReadRun(byte[] buffer, int batchStart, (int Start, int Length) run, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var (x, y) = cells[batchStart + run.Start];
        var target = buffer.AsSpan(run.Start * PatchBytes, run.Length * PatchBytes);
        if (contextPixels is { } context && context != patchSize)
        {
            for (var k = 0; k < run.Length; k++)
            {
                var (cx, cy) = cells[batchStart + run.Start + k];
                ResampledPatch.Read(slide, AnalysisGrid.ContextPatch(cx, cy, cellSize, context), patchSize, target.Slice(k * PatchBytes, PatchBytes));
            }
            return;
        }
        var first = AnalysisGrid.ContextPatch(x, y, cellSize, patchSize);
        if (run.Length == 1)
        {
            slide.ReadRegion(new RegionRequest(0, first.X, first.Y, patchSize, patchSize), target);
            return;
        }
        var strip = new RegionRequest(0, first.X, first.Y, (run.Length - 1) * cellSize + patchSize, patchSize);
        var pixels = ArrayPool<byte>.Shared.Rent(strip.ByteCount);
        try
        {
            slide.ReadRegion(strip, pixels);
            CutPatches(pixels, strip.Width, run.Length, target);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(pixels);
        }
    }

    private void CutPatches(ReadOnlySpan<byte> strip, int stripWidth, int count, Span<byte> patches)
    {
        var rowBytes = patchSize * 3;
        for (var k = 0; k < count; k++)
        for (var row = 0; row < patchSize; row++)
            strip.Slice((row * stripWidth + k * cellSize) * 3, rowBytes).CopyTo(patches.Slice(k * PatchBytes + row * rowBytes, rowBytes));
    }
}
