using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Sampling;

namespace TumorWeb.Pipeline.Extraction;

/// <summary>
/// Everything an extraction run depends on. The defaults (the method's: a third of each tumour
/// slide's tumour cells, half as many normal cells) live here once; the CLI, web forms, API and
/// docs read them from these constants, and every caller validates through <see cref="Validate"/>.
/// </summary>
public sealed record ExtractionOptions
{
    public const int DefaultSeed = 1;
    public const double DefaultTumorFraction = 1.0 / 3;
    public const double DefaultNormalPerTumor = 0.5;
    public const double DefaultValidationFraction = 0.2;
    public const double DefaultTestFraction = 0.2;
    public const int MinCellSize = 16;
    public const int MaxSide = 4096;
    public const double MaxNormalPerTumor = 100;

    public required string DatasetDirectory { get; init; }
    public required string OutputDirectory { get; init; }

    /// <summary>The web app's registered dataset the folder belongs to, recorded on the run's row.</summary>
    public int? DatasetId { get; init; }

    /// <summary>
    /// Tumor/normal roles a user set for slides (by slide name); they win over the grid's
    /// tumor-cell threshold, which decides the role of every other slide.
    /// </summary>
    public IReadOnlyDictionary<string, SlideRole> SlideRoles { get; init; } = new Dictionary<string, SlideRole>();
    /// <summary>
    /// Ground truth drawn in the web app, by slide name, for the slides that use it instead of their
    /// mask or annotation file; each run slide records its hash.
    /// </summary>
    public IReadOnlyDictionary<string, Grid.Annotations.DrawnAnnotations> DrawnAnnotations { get; init; } =
        new Dictionary<string, Grid.Annotations.DrawnAnnotations>();

    public int Seed { get; init; } = DefaultSeed;
    public int PatchSize { get; init; } = AnalysisGrid.DefaultContextSize;

    /// <summary>
    /// The context patch's edge in microns: each slide's patch covers round(PatchMicrons / mpp)
    /// level-0 pixels, read from the best pyramid level and resampled to <see cref="PatchSize"/>.
    /// </summary>
    public double? PatchMicrons { get; init; }
    public GridOptions Grid { get; init; } = new();
    public double TumorFraction { get; init; } = DefaultTumorFraction;
    public double NormalPerTumor { get; init; } = DefaultNormalPerTumor;
    public double ValidationFraction { get; init; } = DefaultValidationFraction;
    public double TestFraction { get; init; } = DefaultTestFraction;
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    public const int DefaultBatchSize = 256;

    /// <summary>Patches written to the pack and the catalog together; a crash loses at most one batch of work.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Least time between progress reports; a UI needs a few a second at most.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range, with the allowed range.</summary>
    public void Validate()
    {
        Settings.Require(Seed >= 0, $"seed must be 0 or more (got {Seed})");
        Settings.Require(TumorFraction is > 0 and <= 1, $"tumor fraction must be above 0 and at most 1 (got {TumorFraction})");
        Settings.Require(NormalPerTumor is >= 0 and <= MaxNormalPerTumor,
            $"normal patches per tumor patch must be between 0 and {MaxNormalPerTumor} (got {NormalPerTumor})");
        Settings.Require(Grid.TumorSlideThreshold >= 0, $"tumor slide threshold must be 0 or more (got {Grid.TumorSlideThreshold})");
        Settings.Require(Grid.CellSize is >= MinCellSize and <= MaxSide, $"cell size must be between {MinCellSize} and {MaxSide} pixels (got {Grid.CellSize})");
        Settings.Require(PatchSize >= Grid.CellSize && PatchSize <= MaxSide,
            $"patch size must be between the cell size ({Grid.CellSize}) and {MaxSide} pixels (got {PatchSize})");
        Settings.Require(Grid.CellMicrons is null or (> 0 and <= 10_000), $"cell size in microns must be above 0 and at most 10000 (got {Grid.CellMicrons})");
        Settings.Require(PatchMicrons is null or (> 0 and <= 10_000), $"patch size in microns must be above 0 and at most 10000 (got {PatchMicrons})");
        Settings.Require(PatchMicrons is null || Grid.CellMicrons is null || PatchMicrons >= Grid.CellMicrons,
            $"patch size in microns must be at least the cell size in microns ({Grid.CellMicrons}) (got {PatchMicrons})");
        Settings.Require(Grid.Mpp is null or (> 0 and <= 100), $"microns per pixel must be above 0 and at most 100 (got {Grid.Mpp})");
        Settings.Require(ValidationFraction is >= 0 and < 1, $"validation fraction must be at least 0 and below 1 (got {ValidationFraction})");
        Settings.Require(TestFraction is >= 0 and < 1, $"test fraction must be at least 0 and below 1 (got {TestFraction})");
        Settings.Require(ValidationFraction + TestFraction < 1,
            $"validation and test fractions must leave slides for training (got {ValidationFraction} + {TestFraction})");
        Settings.Require(BatchSize >= 1, $"extraction batch size must be 1 or more (got {BatchSize})");
    }

    internal SamplingOptions Sampling => new(Seed, TumorFraction, NormalPerTumor);
    internal SplitOptions Splits => new(ValidationFraction, TestFraction, Seed);
}
