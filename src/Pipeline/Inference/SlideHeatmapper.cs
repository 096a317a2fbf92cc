using System.Diagnostics;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Pipeline.Progress;
using TumorWeb.Pipeline.Slides;
using TumorWeb.Pipeline.Stain;

namespace TumorWeb.Pipeline.Inference;

/// <summary>
/// The inference stage over files: the grid stage (tissue and, given a mask or annotations, ground
/// truth), then the slide's stain (estimated once, checked against the model's training range, and
/// normalised into the model's colour space when it was trained so), then every tissue cell's context patch scored by the model.
/// </summary>
public static class SlideHeatmapper
{
    /// <exception cref="SlideException">The slide or mask cannot be read, or has no tissue.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public static Task<SlideHeatmap> RunAsync(string slidePath, string? maskPath, string? annotationsPath, IPatchClassifier model,
        HeatmapOptions options, IProgress<StageProgress>? progress, CancellationToken ct) =>
        RunAsync(slidePath, () => SlideGridFiles.Build(slidePath, maskPath, annotationsPath, options.Grid, progress, ct),
            hasGroundTruth: maskPath is not null || annotationsPath is not null, model, options, progress, ct);

    /// <summary>The same, with the regions drawn in the app as the ground truth.</summary>
    public static Task<SlideHeatmap> RunAsync(string slidePath, DrawnAnnotations drawn, IPatchClassifier model,
        HeatmapOptions options, IProgress<StageProgress>? progress, CancellationToken ct) =>
        RunAsync(slidePath, () => SlideGridFiles.Build(slidePath, drawn, options.Grid, progress, ct), hasGroundTruth: true, model, options, progress, ct);

    private static async Task<SlideHeatmap> RunAsync(string slidePath, Func<SlideGrid> buildGrid, bool hasGroundTruth, IPatchClassifier model,
        HeatmapOptions options, IProgress<StageProgress>? progress, CancellationToken ct)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        using var slide = OpenSlideSlide.Open(slidePath);
        // Before the grid: a slide that cannot give the patch's physical size fails at once.
        int? contextPixels = options.PatchMicrons is { } microns
            ? PhysicalSize.Pixels(microns, SlideResolution.Require(slide.Metadata, options.Grid.Mpp))
            : null;
        var grid = buildGrid();
        var gridSeconds = clock.Elapsed.TotalSeconds;
        var slideHash = SlideFingerprint.Of(slidePath);
        var stain = StainReport.For(options.Stain, slide, grid.Tissue, grid.Stats.CellSize, model.PatchSize, slideHash, ct);
        var scores = await HeatmapScorer.ScoreAsync(slide, grid.Tissue, grid.Stats.CellSize, model, options, progress, ct, contextPixels, stain.Color);
        return new SlideHeatmap(grid, scores, model.Name, model.PatchSize, options.BatchSize,
            HasGroundTruth: hasGroundTruth, gridSeconds, options.TrainingSlides,
            options.TrainingSlideHashes, slideHash, options.Tta, stain);
    }
}
