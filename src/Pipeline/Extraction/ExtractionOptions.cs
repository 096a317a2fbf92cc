using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Sampling;

namespace TumorWeb.Pipeline.Extraction;

/// <summary>Everything an extraction run depends on; the defaults reproduce the seed.</summary>
public sealed record ExtractionOptions
{
    public required string DatasetDirectory { get; init; }
    public required string OutputDirectory { get; init; }

    /// <summary>The web app's registered dataset the folder belongs to, recorded on the run's row.</summary>
    public int? DatasetId { get; init; }

    /// <summary>
    /// Tumor/normal roles a user set for slides (by slide name); they win over the grid's
    /// tumor-cell threshold, which decides the role of every other slide.
    /// </summary>
    public IReadOnlyDictionary<string, SlideRole> SlideRoles { get; init; } = new Dictionary<string, SlideRole>();
    public int Seed { get; init; }
    public int PatchSize { get; init; } = AnalysisGrid.DefaultContextSize;
    public GridOptions Grid { get; init; } = new();
    public double TumorFraction { get; init; } = 1.0 / 3;
    public double NormalPerTumor { get; init; } = 0.5;
    public double ValidationFraction { get; init; } = 0.2;
    public double TestFraction { get; init; } = 0.2;
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Patches written to the pack and the catalog together; a crash loses at most one batch of work.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Least time between progress reports; a UI needs a few a second at most.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    internal SamplingOptions Sampling => new(Seed, TumorFraction, NormalPerTumor);
    internal SplitOptions Splits => new(ValidationFraction, TestFraction, Seed);
}
