using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Inference;

/// <summary>
/// The producer half of inference: takes a free buffer, reads the next batch of context patches
/// into it (several patches at once, cells in row order so neighbouring reads share OpenSlide's
/// tile cache) and hands it to the model. It stops when no buffer is free, which bounds memory.
/// </summary>
internal sealed class PatchReader(ISlide slide, (int X, int Y)[] cells, int cellSize, int patchSize, int batchSize, int threads)
{
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
        if (threads == 1 || count == 1)
        {
            for (var i = 0; i < count; i++) ReadPatch(buffer, start, i, ct);
            return;
        }
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct },
                i => ReadPatch(buffer, start, i, ct));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // The caller reports the slide's own exception (it names the file), not Parallel's wrapper.
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }

    private void ReadPatch(byte[] buffer, int start, int index, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var (x, y) = cells[start + index];
        var rect = AnalysisGrid.ContextPatch(x, y, cellSize, patchSize);
        slide.ReadRegion(new RegionRequest(0, rect.X, rect.Y, rect.Width, rect.Height), buffer.AsSpan(index * PatchBytes, PatchBytes));
    }
}
