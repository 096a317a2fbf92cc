using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Progress;

namespace TumorWeb.Web.Cli;

/// <summary>What the <c>grid</c> command was asked for: opens the files and runs the grid stage.</summary>
internal sealed record GridRequest(string SlidePath, string? MaskPath, string? AnnotationsPath, GridOptions Options, string? PngPath)
{
    /// <summary>Why the arguments cannot work, or null when they can.</summary>
    public string? Problem() =>
        MaskPath is not null && AnnotationsPath is not null ? "give either --mask or --annotations, not both"
        : Options.CellSize <= 0 ? $"--cell-size must be positive, not {Options.CellSize}"
        : Options.MinTissueArea < 0 ? $"--min-tissue-area must not be negative, not {Options.MinTissueArea}"
        : Options.TumorSlideThreshold < 0 ? $"--tumor-slide-threshold must not be negative, not {Options.TumorSlideThreshold}"
        : Options.MaxTissuePixels <= 0 ? $"--max-tissue-pixels must be positive, not {Options.MaxTissuePixels}"
        : null;

    public SlideGrid Build(IProgress<StageProgress> progress, CancellationToken ct) =>
        SlideGridFiles.Build(SlidePath, MaskPath, AnnotationsPath, Options, progress, ct);
}
