using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Extraction.Store;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Inference;
using TumorWeb.Pipeline.Progress;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Mining;

/// <summary>
/// Hard-negative mining (Wang et al. 2016): a model scores every normal tissue cell of an
/// extraction's training slides that was not sampled; the K highest-scoring ones (its worst false
/// positives) become extra normal patches in a new extraction run derived from the first, with the
/// same slides and splits and all of the first's patches. Validation and test slides are never mined,
/// so they stay a fair check. The derived run trains like any other.
/// </summary>
public sealed class HardNegativeMiner(IDbContextFactory<TumorWebDbContext> dbFactory, TimeProvider time)
{
    public const string Stage = "mine";

    /// <summary>Writing the mined patches and the catalog takes the last 10 % of the bar.</summary>
    private const double ScoringShare = 0.9;

    /// <summary>Mines with the model in <see cref="MiningOptions.ModelPath"/>.</summary>
    public async Task<MiningReport> RunAsync(MiningOptions options, IProgress<MiningProgress>? progress, CancellationToken ct)
    {
        options.Validate();
        using var model = ModelLoading.Load(options.ModelPath);
        return await RunAsync(options, model.Classifier, progress, ct);
    }

    /// <summary>Mines with a classifier already loaded; <see cref="MiningOptions.ModelPath"/> only names it in the catalog.</summary>
    public async Task<MiningReport> RunAsync(MiningOptions options, IPatchClassifier model, IProgress<MiningProgress>? progress, CancellationToken ct)
    {
        options.Validate();
        var catalog = new DerivedRunCatalog(dbFactory, time);
        var source = await catalog.SourceAsync(options.PatchesDirectory, ct);
        Settings.Require(model.PatchSize == source.PatchSize,
            $"{options.ModelPath}: the model scores {model.PatchSize}-pixel patches, extraction run {source.Id} holds {source.PatchSize}-pixel ones");
        // Mining scores and cuts level-0 pixel cells; a run cut by microns would get patches of another physical size.
        Settings.Require(source.CellMicrons is null && source.PatchMicrons is null,
            $"{source.OutputDirectory}: extraction run {source.Id} was cut by microns; hard-negative mining takes runs cut in pixels only");
        MiningGroundTruth.EnsureUnchanged(source, options.DrawnAnnotations);
        var output = Directory.CreateDirectory(options.OutputFolder).FullName;
        var derivation = $"hard negatives: top {options.Top} from model {options.ModelDescription ?? Path.GetFileName(options.ModelPath)}";
        var run = await catalog.BeginAsync(source, output, derivation, ct);
        progress?.Report(new MiningProgress(run.Id, 0, null));
        try
        {
            return await MineAsync(options, source, run.Id, output, derivation, model, catalog, progress, ct);
        }
        catch (OperationCanceledException)
        {
            await catalog.SetStatusAsync(run.Id, RunStatus.Cancelled, "cancelled; start the same mining again to redo it");
            throw;
        }
        catch (Exception e)
        {
            await catalog.SetStatusAsync(run.Id, RunStatus.Failed, e.Message);
            throw;
        }
    }

    private async Task<MiningReport> MineAsync(MiningOptions options, ExtractionRun source, int runId, string output, string derivation,
        IPatchClassifier model, DerivedRunCatalog catalog, IProgress<MiningProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var training = source.Slides.Where(s => s.Split == DataSplit.Train && s.Status == SlideStatus.Completed)
            .OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        Settings.Require(training.Count > 0, $"{source.OutputDirectory}: extraction run {source.Id} has no completed training slide to mine");
        var selection = new HardNegativeSelection(options.Top);
        for (var i = 0; i < training.Count; i++)
        {
            var slideProgress = new SlideProgress(runId, i, training.Count, training[i].Name, progress);
            await ScoreSlideAsync(training[i], source, model, options, selection, catalog, slideProgress, ct);
        }
        var scoringSeconds = clock.Elapsed.TotalSeconds;
        var best = selection.Best();
        progress?.Report(new MiningProgress(runId, ScoringShare, $"writing {Plural.Of(best.Count, "mined patch", "mined patches")}"));
        PackLinks.RemoveShards(output);
        var linked = await Task.Run(() => PackLinks.LinkOrCopy(source.OutputDirectory, output, ct), ct);
        var slides = source.Slides.ToDictionary(s => s.Name);
        var mined = await Task.Run(() => MinedPatchWriter.Write(output, best, slides, source.CellSize, source.PatchSize, ct), ct);
        var original = await catalog.PatchCountAsync(source.Id);
        var patches = await catalog.CompleteAsync(source, runId, mined);
        progress?.Report(new MiningProgress(runId, 1, $"{Plural.Of(best.Count, "hard negative")} added to {original} patches"));
        return new MiningReport(runId, source.Id, output, derivation, options.Top, training.Count, selection.Offered, best, original, patches,
            linked, Math.Round(clock.Elapsed.TotalSeconds, 3), Math.Round(scoringSeconds > 0 ? selection.Offered / scoringSeconds : 0, 1));
    }

    private static async Task ScoreSlideAsync(RunSlide slide, ExtractionRun source, IPatchClassifier model, MiningOptions options,
        HardNegativeSelection selection, DerivedRunCatalog catalog, IProgress<StageProgress> progress, CancellationToken ct)
    {
        var grid = new GridOptions { CellSize = source.CellSize, TumorSlideThreshold = source.TumorSlideThreshold, MaxTissuePixels = options.MaxTissuePixels };
        var drawn = MiningGroundTruth.DrawnOf(slide, options.DrawnAnnotations);
        var built = await Task.Run(() => drawn is null
            ? SlideGridFiles.Build(slide.SlidePath, slide.MaskPath, slide.AnnotationPath, grid, progress, ct)
            : SlideGridFiles.Build(slide.SlidePath, drawn, grid, progress, ct), ct);
        var candidates = MiningCandidates.Of(built.Normal, await catalog.SampledCellsAsync(slide.Id, ct));
        if (candidates.Count == 0) return;
        using var image = OpenSlideSlide.Open(slide.SlidePath);
        var heatmap = new HeatmapOptions { Grid = grid, BatchSize = options.BatchSize, ProgressInterval = options.ProgressInterval };
        var scores = await HeatmapScorer.ScoreAsync(image, candidates, source.CellSize, model, heatmap, progress, ct);
        foreach (var (x, y) in candidates.Cells())
            selection.Add(new ScoredCell(slide.Name, x, y, scores.Probabilities[y * candidates.Width + x]));
    }

    /// <summary>Training slide <paramref name="index"/> of <paramref name="count"/>: its grid then its scoring fill its share of the bar.</summary>
    private sealed class SlideProgress(int runId, int index, int count, string name, IProgress<MiningProgress>? progress) : IProgress<StageProgress>
    {
        public void Report(StageProgress value)
        {
            var withinSlide = value.Stage == HeatmapScorer.Stage ? 0.2 + 0.8 * value.Fraction : 0.2 * value.Fraction;
            progress?.Report(new MiningProgress(runId, ScoringShare * (index + withinSlide) / count,
                $"training slide {index + 1}/{count} · {name} · {(value.Stage == HeatmapScorer.Stage ? "scoring" : value.Stage)} {value.Done}/{value.Total}"));
        }
    }
}
