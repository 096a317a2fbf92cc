using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Grid.Annotations;

namespace TumorWeb.Pipeline.Mining;

/// <summary>What hard-negative mining works on: an extraction run's folder, a model, how many cells to add, and where the derived run goes.</summary>
public sealed record MiningOptions
{
    /// <summary>Most cells one run may add; far above what a balanced training set wants.</summary>
    public const int MaxTop = 1_000_000;

    /// <summary>The source extraction run's folder (its catalog row is found by it).</summary>
    public required string PatchesDirectory { get; init; }

    /// <summary>A train checkpoint or darkness-baseline JSON that scores the candidates.</summary>
    public required string ModelPath { get; init; }

    /// <summary>How many of the highest-scoring normal cells become extra normal patches.</summary>
    public required int Top { get; init; }

    /// <summary>The derived run's folder; by default beside the source, <c>&lt;source&gt;-hard-negatives-&lt;K&gt;</c>.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Words for the catalog naming the model ("tiny (training run 3)"); the model file's name when null.</summary>
    public string? ModelDescription { get; init; }

    /// <summary>Patches per model call while scoring candidates.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Most pixels tissue detection may decode per slide (<see cref="GridOptions.MaxTissuePixels"/>).</summary>
    public long MaxTissuePixels { get; init; } = GridOptions.DefaultMaxTissuePixels;

    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The regions drawn in the app, by slide name, of the slides whose extraction took them as ground truth
    /// (<see cref="Data.Entities.RunSlide.AnnotationsHash"/> set). Mining refuses a slide whose regions are missing here
    /// or changed since extraction, so drawn tumour is never mined as normal. Null where the caller has no app
    /// regions at all (the CLI): a run that took drawn regions is then refused.
    /// </summary>
    public IReadOnlyDictionary<string, DrawnAnnotations>? DrawnAnnotations { get; init; }

    public string OutputFolder => Path.GetFullPath(OutputDirectory ?? DefaultOutput(PatchesDirectory, Top));

    public static string DefaultOutput(string patchesDirectory, int top) =>
        Path.GetFullPath(patchesDirectory).TrimEnd(Path.DirectorySeparatorChar) + $"-hard-negatives-{top}";

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        Settings.Require(Top is >= 1 and <= MaxTop, $"--top must be between 1 and {MaxTop:N0} (got {Top})");
        Settings.Require(BatchSize >= 1, $"the batch size must be at least 1 (got {BatchSize})");
        Settings.Require(!string.IsNullOrWhiteSpace(PatchesDirectory), "name the extraction folder to mine");
        Settings.Require(!string.IsNullOrWhiteSpace(ModelPath), "name the model that scores the candidates");
        Settings.Require(OutputFolder != Path.GetFullPath(PatchesDirectory), "the derived run needs its own folder, not the source extraction's");
    }
}
