using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Datasets;
using TumorWeb.Pipeline.Extraction.Store;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Progress;
using TumorWeb.Pipeline.Sampling;

namespace TumorWeb.Pipeline.Extraction;

/// <summary>The run an extraction's first step made or found, and its slides by name (name order).</summary>
public sealed record ExtractionBegun(int RunId, string OutputDirectory, IReadOnlyList<string> Slides);

/// <summary>What the plan step decided: the run, the slides to extract (name order), or why there is nothing to extract.</summary>
public sealed record ExtractionPlanned(int RunId, string OutputDirectory, IReadOnlyList<string> Slides, string? NothingToExtract);

/// <summary>
/// The extraction stage in steps that may run in different processes on machines sharing the run
/// folder and the catalog: <see cref="BeginAsync"/> once (the run's rows), <see cref="GridSlideAsync"/>
/// once per slide, in any order and at the same time (each saves its slide's row and grid file),
/// <see cref="PlanAsync"/> once (the seed's draw over the saved grids, saved as <see cref="SamplingPlanFile"/>),
/// <see cref="ExtractSlideAsync"/> once per planned slide, in any order and at the same time (each
/// slide writes its own lane of the pack), then <see cref="FinishAsync"/> once. Every step finds the
/// run by its output folder and can run again after a crash without duplicates: grids and the draw
/// are deterministic and a slide skips the cells already catalogued. A slide whose grid fails is
/// saved Failed and left out; a step that fails or is cancelled leaves the run Failed or Cancelled.
/// </summary>
public sealed class ExtractionStages(IDbContextFactory<TumorWebDbContext> dbFactory, TimeProvider time)
{
    private readonly ExtractionCatalog catalog = new(dbFactory, time);

    public async Task<ExtractionBegun> BeginAsync(ExtractionOptions options, CancellationToken ct)
    {
        options.Validate();
        var dataset = DatasetScanner.Scan(options.DatasetDirectory);
        Directory.CreateDirectory(options.OutputDirectory);
        var run = await catalog.BeginOrResumeAsync(options, dataset, ct);
        return new ExtractionBegun(run.Id, run.OutputDirectory, run.Slides.Select(s => s.Name).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// Builds one slide's grid: its row gets the counts and role, the run folder its grid file. A slide
    /// that cannot be gridded is saved Failed with the reason, and the run goes on without it.
    /// </summary>
    public async Task GridSlideAsync(ExtractionOptions options, string slideName, CancellationToken ct)
    {
        var run = await catalog.ContinueAsync(options.OutputDirectory, ct);
        var slide = run.Slides.SingleOrDefault(s => s.Name == slideName)
            ?? throw new InvalidOperationException($"extraction run {run.Id} has no slide {slideName}");
        await GuardAsync(run, async () =>
        {
            GridOrFail(run.OutputDirectory, slide, options, ct);
            await catalog.SaveSlideAsync(slide, ct);
        });
    }

    /// <summary>The slide's grid on its row and in its grid file; or, when it cannot be built, the slide Failed with the reason and no grid file.</summary>
    private static void GridOrFail(string outputDirectory, RunSlide slide, ExtractionOptions options, CancellationToken ct)
    {
        try
        {
            var grid = SlideGridStage.Build(slide, options, Drawn(slide, options), ct);
            if (options.SlideRoles.TryGetValue(slide.Name, out var role) && role != SlideRole.Unknown) slide.Role = role;
            slide.Error = null;
            if (slide.Status == SlideStatus.Failed) slide.Status = SlideStatus.Pending;
            SlideCellsFile.Write(outputDirectory, SlideCellsFile.From(slide.Name, grid));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            slide.Status = SlideStatus.Failed;
            slide.Error = e.Message;
            SlideCellsFile.Delete(outputDirectory, slide.Name);
        }
    }

    /// <summary>The seed's draw over the grids of every slide that could be read, saved as the run's sampling plan.</summary>
    public async Task<ExtractionPlanned> PlanAsync(ExtractionOptions options, CancellationToken ct)
    {
        var run = await catalog.ContinueAsync(options.OutputDirectory, ct);
        return await GuardAsync(run, async () =>
        {
            var readable = run.Slides.Where(s => s.Status != SlideStatus.Failed).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
            var cells = readable.ToDictionary(s => s, s => SlideCellsFile.Read(run.OutputDirectory, s.Name));
            var nothing = NothingToExtract.Reason(readable, options.Grid.TumorSlideThreshold);
            var plan = nothing is null ? SamplingPlan.Draw(readable, cells, options) : [];
            // The draw sets each slide's split.
            foreach (var slide in plan.Keys) await catalog.SaveSlideAsync(slide, ct);
            SamplingPlanFile.Write(run.OutputDirectory, run.Id, plan.ToDictionary(p => p.Key.Name, p => p.Value));
            return new ExtractionPlanned(run.Id, run.OutputDirectory, plan.Keys.Select(s => s.Name).Order(StringComparer.Ordinal).ToList(), nothing);
        });
    }

    /// <summary>The run's rows, every slide's grid in name order, then the draw, as one process plans a run.</summary>
    internal async Task<ExtractionPlanned> BeginAndPlanAsync(ExtractionOptions options, IProgress<StageProgress>? progress, CancellationToken ct)
    {
        var begun = await BeginAsync(options, ct);
        var counter = new ProgressCounter("grid", begun.Slides.Count, progress, TimeSpan.Zero);
        foreach (var slide in begun.Slides)
        {
            await GridSlideAsync(options, slide, ct);
            counter.Add(1, slide);
        }
        return await PlanAsync(options, ct);
    }

    /// <summary>
    /// Extracts one planned slide's cells into its own lane of the pack (lane 1 + its place in name
    /// order), so slides of one run can be extracted by several processes at once. Returns the patches written now.
    /// </summary>
    public async Task<int> ExtractSlideAsync(ExtractionOptions options, string slideName, IProgress<StageProgress>? progress, CancellationToken ct)
    {
        var plan = SamplingPlanFile.Read(Path.GetFullPath(options.OutputDirectory));
        var run = await catalog.ContinueAsync(options.OutputDirectory, ct);
        return await GuardAsync(run, async () =>
        {
            var cells = SamplingPlanFile.CellsOf(plan, slideName);
            var lane = 1 + plan.Slides.Keys.Order(StringComparer.Ordinal).ToList().IndexOf(slideName);
            using var pack = PatchPackWriter.Open(run.OutputDirectory, lane);
            var counter = new ProgressCounter("extract", cells.Count, progress, options.ProgressInterval);
            return await ExtractAsync(run, run.Slides.Single(s => s.Name == slideName), cells, new SlidePatchExtractor(catalog, pack, options), ct, counter);
        });
    }

    /// <summary>Every planned slide in name order through one writer (lane 0), as one process extracts a run.</summary>
    internal async Task<int> ExtractAllAsync(ExtractionOptions options, IProgress<StageProgress>? progress, CancellationToken ct)
    {
        var plan = SamplingPlanFile.Read(Path.GetFullPath(options.OutputDirectory));
        var run = await catalog.ContinueAsync(options.OutputDirectory, ct);
        return await GuardAsync(run, async () =>
        {
            var counter = new ProgressCounter("extract", plan.Slides.Values.Sum(c => c.Count), progress, options.ProgressInterval);
            using var pack = PatchPackWriter.Open(run.OutputDirectory);
            var extractor = new SlidePatchExtractor(catalog, pack, options);
            var written = 0;
            foreach (var name in plan.Slides.Keys.Order(StringComparer.Ordinal))
                written += await ExtractAsync(run, run.Slides.Single(s => s.Name == name), SamplingPlanFile.CellsOf(plan, name), extractor, ct, counter);
            return written;
        });
    }

    /// <summary>The run's final status: Failed with the reason when it produced nothing, else Completed.</summary>
    public async Task<ExtractionReport> FinishAsync(ExtractionOptions options, CancellationToken ct, double gridSeconds = 0, double extractSeconds = 0, int written = 0)
    {
        var run = await catalog.ContinueAsync(options.OutputDirectory, ct);
        var readable = run.Slides.Where(s => s.Status != SlideStatus.Failed).ToList();
        var nothing = NothingToExtract.Reason(readable, options.Grid.TumorSlideThreshold);
        if (nothing is null && run.Slides.Sum(s => s.TumorExtracted + s.NormalExtracted) == 0) nothing = NothingToExtract.NoPatches;
        await catalog.FinishAsync(run, nothing is null ? RunStatus.Completed : RunStatus.Failed, nothing);
        return new ExtractionReport(run.Id, run.OutputDirectory, run.Status, run.Error,
            run.Slides.OrderBy(s => s.Name, StringComparer.Ordinal).Select(SlideReport.From).ToList(), gridSeconds, extractSeconds, written);
    }

    private async Task<int> ExtractAsync(ExtractionRun run, RunSlide slide, IReadOnlyList<SampledCell> cells, SlidePatchExtractor extractor,
        CancellationToken ct, ProgressCounter counter)
    {
        var written = await extractor.ExtractAsync(run.Id, slide, cells, counter, ct);
        slide.Status = SlideStatus.Completed;
        await catalog.SaveSlideAsync(slide, ct);
        return written;
    }

    /// <summary>The drawn regions a slide's row says it uses; the catalog has checked on a resume that they are still the same.</summary>
    private static Grid.Annotations.DrawnAnnotations? Drawn(RunSlide slide, ExtractionOptions options) =>
        slide.AnnotationsHash is null ? null : options.DrawnAnnotations[slide.Name];

    private Task GuardAsync(ExtractionRun run, Func<Task> step) => GuardAsync(run, async () =>
    {
        await step();
        return true;
    });

    private async Task<T> GuardAsync<T>(ExtractionRun run, Func<Task<T>> step)
    {
        try
        {
            return await step();
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
}
