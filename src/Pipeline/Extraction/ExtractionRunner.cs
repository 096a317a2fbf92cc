using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Datasets;
using TumorWeb.Pipeline.Extraction.Store;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Progress;
using TumorWeb.Pipeline.Sampling;

namespace TumorWeb.Pipeline.Extraction;

/// <summary>
/// The extraction stage: dataset folder -> grids -> seed sampling -> context patches in a pack
/// and the catalog. Starting it again on the same output folder resumes the run: the draw is
/// deterministic, so it finds the same cells and only extracts those not yet catalogued.
/// A slide that fails is recorded with its error and the other slides still complete.
/// </summary>
public sealed class ExtractionRunner(IDbContextFactory<TumorWebDbContext> dbFactory, TimeProvider time)
{
    public async Task<ExtractionReport> RunAsync(ExtractionOptions options, IProgress<StageProgress>? progress, CancellationToken ct)
    {
        options.Validate();
        var dataset = DatasetScanner.Scan(options.DatasetDirectory);
        var output = Directory.CreateDirectory(options.OutputDirectory).FullName;
        var catalog = new ExtractionCatalog(dbFactory, time);
        var run = await catalog.BeginOrResumeAsync(options, dataset, ct);
        try
        {
            var clock = Stopwatch.StartNew();
            var grids = await BuildGridsAsync(run, options, catalog, progress, ct);
            var gridSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var nothing = NothingToExtract.Reason(grids.Keys, options.Grid.TumorSlideThreshold);
            var written = nothing is null ? await ExtractPatchesAsync(run, grids, options, catalog, progress, ct) : 0;
            if (nothing is null && run.Slides.Sum(s => s.TumorExtracted + s.NormalExtracted) == 0) nothing = NothingToExtract.NoPatches;
            await catalog.FinishAsync(run, nothing is null ? RunStatus.Completed : RunStatus.Failed, nothing);
            return Report(run, output, gridSeconds, clock.Elapsed.TotalSeconds, written);
        }
        catch (OperationCanceledException)
        {
            await catalog.FinishAsync(run, RunStatus.Cancelled, "cancelled; start the same extraction again to resume");
            throw;
        }
        catch (Exception e)
        {
            await catalog.FinishAsync(run, RunStatus.Failed, e.Message);
            throw;
        }
    }

    private static async Task<Dictionary<RunSlide, SlideGrid>> BuildGridsAsync(ExtractionRun run, ExtractionOptions options,
        ExtractionCatalog catalog, IProgress<StageProgress>? progress, CancellationToken ct)
    {
        var grids = new Dictionary<RunSlide, SlideGrid>();
        var counter = new ProgressCounter("grid", run.Slides.Count, progress, TimeSpan.Zero);
        foreach (var slide in run.Slides.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            try
            {
                grids[slide] = SlideGridStage.Build(slide, options, Drawn(slide, options), ct);
                if (options.SlideRoles.TryGetValue(slide.Name, out var role) && role != SlideRole.Unknown) slide.Role = role;
                slide.Error = null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                slide.Status = SlideStatus.Failed;
                slide.Error = e.Message;
            }
            await catalog.SaveSlideAsync(slide, ct);
            counter.Add(1, slide.Name);
        }
        return grids;
    }

    /// <summary>The drawn regions a slide's row says it uses; the catalog has checked on a resume that they are still the same.</summary>
    private static Grid.Annotations.DrawnAnnotations? Drawn(RunSlide slide, ExtractionOptions options) =>
        slide.AnnotationsHash is null ? null : options.DrawnAnnotations[slide.Name];

    private async Task<int> ExtractPatchesAsync(ExtractionRun run, Dictionary<RunSlide, SlideGrid> grids, ExtractionOptions options,
        ExtractionCatalog catalog, IProgress<StageProgress>? progress, CancellationToken ct)
    {
        var plan = SamplingPlan.Draw(grids, options);
        var counter = new ProgressCounter("extract", plan.Sum(p => p.Value.Count), progress, options.ProgressInterval);
        using var pack = PatchPackWriter.Open(run.OutputDirectory);
        var extractor = new SlidePatchExtractor(catalog, pack, options);
        var written = 0;
        foreach (var (slide, cells) in plan.OrderBy(p => p.Key.Name, StringComparer.Ordinal))
        {
            written += await extractor.ExtractAsync(run.Id, slide, cells, counter, ct);
            slide.Status = SlideStatus.Completed;
            await catalog.SaveSlideAsync(slide, ct);
        }
        return written;
    }

    private static ExtractionReport Report(ExtractionRun run, string output, double gridSeconds, double extractSeconds, int written) =>
        new(run.Id, output, run.Status, run.Error,
            run.Slides.OrderBy(s => s.Name, StringComparer.Ordinal).Select(SlideReport.From).ToList(),
            gridSeconds, extractSeconds, written);
}
