using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Inference;
using TumorWeb.Pipeline.Inference.Output;
using TumorWeb.Pipeline.Progress;

namespace TumorWeb.Pipeline.Evaluation;

/// <summary>The run an evaluation's first stage made or found, and its slides by name, in the order they are scored.</summary>
public sealed record EvaluationBegun(int RunId, IReadOnlyList<string> Slides);

/// <summary>
/// The evaluation stage in three steps that may run in different processes on machines sharing the
/// run folder and the catalog: <see cref="BeginAsync"/> once (the run's row, its checkpoint fixed),
/// <see cref="ScoreSlideAsync"/> once per chosen slide, in any order and at the same time (each writes
/// its own heatmap folder and row), then <see cref="FinishAsync"/> once (ROC, slide-level AUC, FROC
/// over the folder). Every step finds the run by its output folder and can run again: a slide already
/// scored is skipped. A step that fails or is cancelled leaves the run Failed or Cancelled.
/// </summary>
public sealed class EvaluationStages(IDbContextFactory<TumorWebDbContext> dbFactory, TimeProvider time)
{
    /// <summary>The final measurement over all heatmaps takes the last 5 % of a whole run's bar.</summary>
    public const double SlidesShare = 0.95;

    private readonly EvaluationCatalog catalog = new(dbFactory, time);

    public async Task<EvaluationBegun> BeginAsync(EvaluationRunOptions options, IProgress<EvaluationProgress>? progress, CancellationToken ct)
    {
        Inference.Symmetry.TestTimeAugmentation.Validate(options.Tta);
        var plan = await EvaluationPlan.LoadAsync(dbFactory, options, ct);
        var run = await catalog.BeginOrResumeAsync(plan, Path.GetFullPath(options.OutputDirectory), options.Tta, ct);
        progress?.Report(new EvaluationProgress(run.Id, 0, null));
        return new EvaluationBegun(run.Id, plan.Slides.Select(s => s.Name).ToList());
    }

    /// <summary>
    /// Scores one chosen slide (by name) with the run's checkpoint; nothing when it is already scored.
    /// Progress is the slide's own: its grid, then its scoring (<see cref="WithinSlide"/>).
    /// </summary>
    public async Task ScoreSlideAsync(EvaluationRunOptions options, string slideName, IProgress<StageProgress>? progress, CancellationToken ct)
    {
        var plan = await EvaluationPlan.LoadAsync(dbFactory, options, ct);
        var run = await catalog.ContinueAsync(Path.GetFullPath(options.OutputDirectory), ct);
        var index = plan.Slides.ToList().FindIndex(s => s.Name == slideName);
        if (index < 0) throw new InvalidOperationException($"evaluation run {run.Id} has no slide {slideName}");
        await GuardAsync(run.Id, async () =>
        {
            if ((await catalog.DoneAsync(run.Id, ct)).Contains(plan.Slides[index].SlidePath)) return;
            using var model = ModelLoading.Load(run.ModelPath);
            var slides = new EvaluationSlides(catalog, plan, run, model, options.DrawnAnnotations);
            await slides.ScoreAsync(plan.Slides[index], progress, ct);
        });
    }

    /// <summary>Every chosen slide not yet scored, in order, with the checkpoint loaded once, as one process evaluates a run.</summary>
    internal async Task ScoreAllAsync(EvaluationRunOptions options, IProgress<EvaluationProgress>? progress, CancellationToken ct)
    {
        var plan = await EvaluationPlan.LoadAsync(dbFactory, options, ct);
        var run = await catalog.ContinueAsync(Path.GetFullPath(options.OutputDirectory), ct);
        await GuardAsync(run.Id, async () =>
        {
            using var model = ModelLoading.Load(run.ModelPath);
            var slides = new EvaluationSlides(catalog, plan, run, model, options.DrawnAnnotations);
            var done = await catalog.DoneAsync(run.Id, ct);
            for (var i = 0; i < plan.Slides.Count; i++)
            {
                if (done.Contains(plan.Slides[i].SlidePath)) continue;
                await slides.ScoreAsync(plan.Slides[i], new SlideProgress(run.Id, i, plan.Slides.Count, plan.Slides[i].Name, progress), ct);
            }
        });
    }

    /// <summary>Measures the run over its heatmaps and completes it.</summary>
    public async Task<EvaluationRunReport> FinishAsync(EvaluationRunOptions options, IProgress<EvaluationProgress>? progress, CancellationToken ct)
    {
        var run = await catalog.ContinueAsync(Path.GetFullPath(options.OutputDirectory), ct);
        await GuardAsync(run.Id, async () =>
        {
            progress?.Report(new EvaluationProgress(run.Id, SlidesShare, "measuring: ROC, slide-level AUC, FROC"));
            await catalog.FinishAsync(run.Id, await Task.Run(() => Measure(run.OutputDirectory, ct), ct));
        });
        var report = await catalog.ReportAsync(run.Id, ct);
        progress?.Report(new EvaluationProgress(run.Id, 1, report.Summary));
        return report;
    }

    /// <summary>HeatmapEvaluation needs at least one slide with ground truth; without any there is nothing to measure.</summary>
    private static EvaluationReport? Measure(string outputDirectory, CancellationToken ct) =>
        HeatmapFolder.SlideFolders(outputDirectory).Any(HasGroundTruth)
            ? HeatmapEvaluation.Run(outputDirectory, new EvaluationOptions(), null, ct)
            : null;

    private static bool HasGroundTruth(string folder) =>
        HeatmapSummaryFile.Read(Path.Combine(folder, HeatmapSummaryFile.FileName)).HasGroundTruth;

    private async Task GuardAsync(int runId, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (OperationCanceledException)
        {
            await catalog.SetStatusAsync(runId, RunStatus.Cancelled, "cancelled; resume the job to score the remaining slides");
            throw;
        }
        catch (Exception e)
        {
            await catalog.SetStatusAsync(runId, RunStatus.Failed, e.Message);
            throw;
        }
    }

    /// <summary>How far one slide is, 0 to 1: its grid takes the first 20 %, its scoring the rest.</summary>
    public static double WithinSlide(StageProgress value) =>
        value.Stage == HeatmapScorer.Stage ? 0.2 + 0.8 * value.Fraction : 0.2 * value.Fraction;

    /// <summary>Slide <paramref name="index"/> of <paramref name="count"/>: its grid then its scoring fill its share of the bar.</summary>
    private sealed class SlideProgress(int runId, int index, int count, string name, IProgress<EvaluationProgress>? progress)
        : IProgress<StageProgress>
    {
        public void Report(StageProgress value) =>
            progress?.Report(new EvaluationProgress(runId, SlidesShare * (index + WithinSlide(value)) / count,
                $"slide {index + 1}/{count} · {name} · {value.Stage} {value.Done}/{value.Total}"));
    }
}
