using System.Diagnostics;
using System.Threading.Channels;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Progress;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Inference;

/// <summary>
/// Scores the context patch of every tissue cell of a slide, batch by batch, while the next batch
/// is being read: a <see cref="PatchReader"/> fills pooled buffers and a bounded channel hands them
/// to the model here. Cells outside the tissue score 0.
/// </summary>
public static class HeatmapScorer
{
    /// <summary>Batch buffers in existence at once: one being read, one waiting, one being scored.</summary>
    public const int BatchesInFlight = 3;

    public const string Stage = "heatmap";

    /// <remarks>Batches are scored one at a time, in row order of their cells.</remarks>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled; reading stops too.</exception>
    /// <param name="contextPixels">Level-0 size of a context patch when it differs from the model's patch size (a size in microns).</param>
    public static async Task<HeatmapScores> ScoreAsync(ISlide slide, CellMask tissue, int cellSize, IPatchClassifier model,
        HeatmapOptions options, IProgress<StageProgress>? progress, CancellationToken ct, int? contextPixels = null)
    {
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(model.PatchSize);
        var cells = tissue.Cells().ToArray();
        var reader = new PatchReader(slide, cells, cellSize, model.PatchSize, options.BatchSize, options.ReaderThreads, contextPixels);
        var free = Channel.CreateBounded<byte[]>(BatchesInFlight);
        for (var i = 0; i < BatchesInFlight; i++) free.Writer.TryWrite(reader.NewBuffer());
        var full = Channel.CreateBounded<PatchBatch>(new BoundedChannelOptions(BatchesInFlight) { SingleReader = true, SingleWriter = true });

        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = Task.Run(() => reader.RunAsync(free.Reader, full.Writer, stop.Token), CancellationToken.None);
        var scoring = new BatchScoring(model, cells, new float[tissue.Width * tissue.Height], reader.PatchBytes, tissue.Width);
        var counter = new ProgressCounter(Stage, cells.Length, progress, options.ProgressInterval);
        progress?.Report(new StageProgress(Stage, 0, cells.Length));
        try
        {
            await scoring.RunAsync(full.Reader, free.Writer, counter, stop.Token);
        }
        finally
        {
            // Whatever ended scoring (done, cancelled, a model error), the reader must not outlive this call.
            stop.Cancel();
            await reading;
        }
        return new HeatmapScores(scoring.Probabilities, cells.Length, clock.Elapsed.TotalSeconds, reader.ReadSeconds,
            scoring.ModelSeconds, scoring.WaitSeconds);
    }
}
