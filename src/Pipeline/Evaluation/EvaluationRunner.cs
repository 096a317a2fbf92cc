using TumorWeb.Pipeline.Grid.Annotations;
using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Inference;
using TumorWeb.Pipeline.Inference.Output;
using TumorWeb.Pipeline.Progress;

namespace TumorWeb.Pipeline.Evaluation;

/// <summary>
/// The evaluation stage: a training run's furthest checkpoint -> a heatmap per chosen slide of a dataset
/// under the run's folder (&lt;slide&gt;/, as the CLI's heatmap writes it) -> ROC, slide-level AUC and FROC over
/// that folder, as the CLI's evaluate measures them. Starting it again on the same folder resumes the run:
/// it keeps its checkpoint and skips the slides already scored. A slide that cannot be read is saved
/// Failed with its error and the other slides still complete.
/// </summary>
public sealed class EvaluationRunner(IDbContextFactory<TumorWebDbContext> dbFactory, TimeProvider time)
{
    /// <summary>The final measurement over all heatmaps takes the last 5 % of the bar.</summary>
    public const double SlidesShare = 0.95;

    public async Task<EvaluationRunReport> RunAsync(EvaluationRunOptions options, IProgress<EvaluationProgress>? progress, CancellationToken ct)
    {
        Inference.Symmetry.TestTimeAugmentation.Validate(options.Tta);
        var catalog = new EvaluationCatalog(dbFactory, time);
        var plan = await EvaluationPlan.LoadAsync(dbFactory, options, ct);
        var run = await catalog.BeginOrResumeAsync(plan, Path.GetFullPath(options.OutputDirectory), options.Tta, ct);
        progress?.Report(new EvaluationProgress(run.Id, 0, null));
        try
        {
            await ScoreSlidesAsync(run, plan, catalog, options.DrawnAnnotations, progress, ct);
            progress?.Report(new EvaluationProgress(run.Id, SlidesShare, "measuring: ROC, slide-level AUC, FROC"));
            await catalog.FinishAsync(run.Id, await Task.Run(() => Measure(run.OutputDirectory, ct), ct));
            var report = await catalog.ReportAsync(run.Id, ct);
            progress?.Report(new EvaluationProgress(run.Id, 1, report.Summary));
            return report;
        }
        catch (OperationCanceledException)
        {
            await catalog.SetStatusAsync(run.Id, RunStatus.Cancelled, "cancelled; resume the job to score the remaining slides");
            throw;
        }
        catch (Exception e)
        {
            await catalog.SetStatusAsync(run.Id, RunStatus.Failed, e.Message);
            throw;
        }
    }

    private static async Task ScoreSlidesAsync(EvaluationRun run, EvaluationPlan plan, EvaluationCatalog catalog,
        IReadOnlyDictionary<int, DrawnAnnotations> drawnAnnotations, IProgress<EvaluationProgress>? progress, CancellationToken ct)
    {
        using var model = ModelLoading.Load(run.ModelPath);
        var slides = new EvaluationSlides(catalog, plan, run, model, drawnAnnotations);
        var done = await catalog.DoneAsync(run.Id, ct);
        for (var i = 0; i < plan.Slides.Count; i++)
        {
            var slide = plan.Slides[i];
            if (done.Contains(slide.SlidePath)) continue;
            await slides.ScoreAsync(slide, new SlideProgress(run.Id, i, plan.Slides.Count, slide.Name, progress), ct);
        }
    }

    /// <summary>HeatmapEvaluation needs at least one slide with ground truth; without any there is nothing to measure.</summary>
    private static EvaluationReport? Measure(string outputDirectory, CancellationToken ct) =>
        HeatmapFolder.SlideFolders(outputDirectory).Any(HasGroundTruth)
            ? HeatmapEvaluation.Run(outputDirectory, new EvaluationOptions(), null, ct)
            : null;

    private static bool HasGroundTruth(string folder) =>
        HeatmapSummaryFile.Read(Path.Combine(folder, HeatmapSummaryFile.FileName)).HasGroundTruth;

    /// <summary>Slide <paramref name="index"/> of <paramref name="count"/>: its grid then its scoring fill its share of the bar.</summary>
    private sealed class SlideProgress(int runId, int index, int count, string name, IProgress<EvaluationProgress>? progress)
        : IProgress<StageProgress>
    {
        public void Report(StageProgress value)
        {
            var withinSlide = value.Stage == HeatmapScorer.Stage ? 0.2 + 0.8 * value.Fraction : 0.2 * value.Fraction;
            progress?.Report(new EvaluationProgress(runId, SlidesShare * (index + withinSlide) / count,
                $"slide {index + 1}/{count} · {name} · {value.Stage} {value.Done}/{value.Total}"));
        }
    }
}
