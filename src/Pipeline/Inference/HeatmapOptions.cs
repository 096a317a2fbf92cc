using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Pipeline.Inference;

/// <summary>Settings of whole-slide inference. Memory is about <see cref="HeatmapScorer.BatchesInFlight"/> x BatchSize patches.</summary>
public sealed record HeatmapOptions
{
    /// <summary>The grid stage (cell size, tissue detection) run before scoring.</summary>
    public GridOptions Grid { get; init; } = new();

    /// <summary>
    /// The context patch's edge in microns instead of the model's patch size in level-0 pixels: each
    /// slide's patch covers round(PatchMicrons / mpp) pixels, read from the best level and resampled
    /// to the model's patch size. A slide whose resolution is unknown (and no Grid.Mpp) is refused.
    /// </summary>
    public double? PatchMicrons { get; init; }

    /// <summary>Patches per call of the model.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>How many patches of a batch are read from the slide at once.</summary>
    public int ReaderThreads { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 8);

    /// <summary>The slides the model was trained on, copied into heatmap.json so evaluation can warn about overlap.</summary>
    public IReadOnlyList<string> TrainingSlides { get; init; } = [];

    /// <summary>Their content identities, when the model recorded them; evaluation then matches slides by content, not name.</summary>
    public IReadOnlyList<string>? TrainingSlideHashes { get; init; }

    /// <summary>Least time between two progress reports (the last one is always sent).</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    internal void Validate()
    {
        Grid.Validate();
        if (PatchMicrons is { } p && !(p > 0 && double.IsFinite(p))) throw new ArgumentOutOfRangeException(nameof(PatchMicrons), $"the patch size in microns must be positive (got {p})");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), $"the batch size must be at least 1, not {BatchSize}");
        if (ReaderThreads < 1) throw new ArgumentOutOfRangeException(nameof(ReaderThreads), $"reader threads must be at least 1, not {ReaderThreads}");
    }
}
