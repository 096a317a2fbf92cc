using System.Diagnostics;
using System.Threading.Channels;
using TumorWeb.Pipeline.Progress;

namespace TumorWeb.Pipeline.Inference;

/// <summary>The consumer half of inference: scores each batch as it arrives, files the scores by cell and frees the buffer.</summary>
internal sealed class BatchScoring(IPatchClassifier model, (int X, int Y)[] cells, float[] probabilities, int patchBytes, int gridWidth)
{
    public float[] Probabilities => probabilities;
    public double ModelSeconds { get; private set; }
    public double WaitSeconds { get; private set; }

    public async Task RunAsync(ChannelReader<PatchBatch> full, ChannelWriter<byte[]> free, ProgressCounter counter, CancellationToken ct)
    {
        while (true)
        {
            var waitStart = Stopwatch.GetTimestamp();
            var more = await full.WaitToReadAsync(ct);
            WaitSeconds += Stopwatch.GetElapsedTime(waitStart).TotalSeconds;
            if (!more) return;
            while (full.TryRead(out var batch))
            {
                ct.ThrowIfCancellationRequested();
                Score(batch);
                free.TryWrite(batch.Buffer);
                counter.Add(batch.Count);
            }
        }
    }

    private void Score(PatchBatch batch)
    {
        var began = Stopwatch.GetTimestamp();
        var scores = model.Score(batch.Buffer.AsSpan(0, batch.Count * patchBytes), batch.Count);
        ModelSeconds += Stopwatch.GetElapsedTime(began).TotalSeconds;
        var batchCells = cells.AsSpan(batch.Start, batch.Count);
        ScoreCheck.Ensure(model, scores, batchCells);
        for (var i = 0; i < batchCells.Length; i++)
            probabilities[batchCells[i].Y * gridWidth + batchCells[i].X] = scores[i];
    }
}
