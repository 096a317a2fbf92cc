using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Evaluation;
using TumorWeb.Pipeline.Training;
using TumorWeb.Pipeline.Inference;
using TumorWeb.Web.Hosting;

namespace TumorWeb.Web.Features.Jobs.Runners;

/// <summary>
/// Evaluation of a training run's furthest checkpoint on chosen slides of a dataset: a heatmap per
/// slide under runs/evaluation-&lt;job id&gt;/&lt;slide&gt;/ (as the CLI's heatmap writes it), then the CLI's
/// evaluate over that folder. A resumed job keeps its checkpoint and skips the slides already done.
/// </summary>
public sealed class EvaluationJobRunner(IDbContextFactory<TumorWebDbContext> dbFactory, TumorWebPaths paths, TimeProvider time) : IJobRunner
{
    /// <summary>The final measurement over all heatmaps takes the last 5 % of the bar.</summary>
    public const double SlidesShare = 0.95;

    public JobKind Kind => JobKind.Evaluation;

    public async Task RunAsync(JobContext context, CancellationToken ct)
    {
        var p = context.Parameters<EvaluationJobParameters>();
        var plan = await EvaluationPlan.LoadAsync(dbFactory, p, ct);
        var run = await BeginAsync(context, plan, ct);
        try
        {
            using var model = ModelLoading.Load(run.ModelPath);
            var slides = new EvaluationSlides(dbFactory, plan, run, model);
            var done = await slides.DoneAsync(ct);
            for (var i = 0; i < plan.Slides.Count; i++)
            {
                var slide = plan.Slides[i];
                if (done.Contains(slide.SlidePath)) continue;
                var progress = new Progress(context, i, plan.Slides.Count, slide.Name);
                await slides.ScoreAsync(slide, progress, ct);
            }
            context.Report(SlidesShare, "measuring: ROC, slide-level AUC, FROC");
            await FinishAsync(run.Id, await Task.Run(() => Measure(run.OutputDirectory, ct), ct));
            context.Report(1, await SummaryAsync(run.Id, ct));
        }
        catch (OperationCanceledException)
        {
            await SetStatusAsync(run.Id, RunStatus.Cancelled, "cancelled; resume the job to score the remaining slides");
            throw;
        }
        catch (Exception e)
        {
            await SetStatusAsync(run.Id, RunStatus.Failed, e.Message);
            throw;
        }
    }

    private async Task<EvaluationRun> BeginAsync(JobContext context, EvaluationPlan plan, CancellationToken ct)
    {
        var output = JobOutputFolder.Create(paths.RunDirectory("evaluation", context.JobId));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.EvaluationRuns.SingleOrDefaultAsync(r => r.OutputDirectory == output, ct);
        if (run is null)
        {
            run = new EvaluationRun
            {
                TrainingRunId = plan.Training.Id,
                DatasetId = plan.DatasetId,
                ModelPath = plan.Checkpoint,
                OutputDirectory = output,
                CreatedAt = time.GetUtcNow(),
            };
            db.EvaluationRuns.Add(run);
        }
        (run.Status, run.StartedAt, run.CompletedAt, run.Error) = (RunStatus.Running, time.GetUtcNow(), null, null);
        await db.SaveChangesAsync(ct);
        context.Link(run.Id);
        return run;
    }

    /// <summary>HeatmapEvaluation needs at least one slide with ground truth; without any there is nothing to measure.</summary>
    private static EvaluationReport? Measure(string outputDirectory, CancellationToken ct) =>
        HeatmapFolder.SlideFolders(outputDirectory).Any(HasGroundTruth)
            ? HeatmapEvaluation.Run(outputDirectory, new EvaluationOptions(), null, ct)
            : null;

    private static bool HasGroundTruth(string folder) =>
        Pipeline.Inference.Output.HeatmapSummaryFile.Read(Path.Combine(folder, Pipeline.Inference.Output.HeatmapSummaryFile.FileName)).HasGroundTruth;

    private async Task FinishAsync(int runId, EvaluationReport? report)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var run = await db.EvaluationRuns.SingleAsync(r => r.Id == runId);
        run.SlideAuc = report?.SlideAuc;
        run.FrocScore = report?.Froc.Score;
        run.Report = report is null ? null : System.Text.Json.JsonSerializer.Serialize(report, EvaluationReportFile.Json);
        var failed = await db.EvaluationSlides.CountAsync(s => s.EvaluationRunId == runId && s.Status == SlideStatus.Failed);
        (run.Status, run.CompletedAt) = (RunStatus.Completed, time.GetUtcNow());
        run.Error = failed > 0 ? $"{failed} slides could not be scored (see each slide's error)"
            : report is null ? "no slide has ground truth: heatmaps only, nothing measured" : null;
        await db.SaveChangesAsync();
    }

    private async Task SetStatusAsync(int runId, RunStatus status, string error)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.EvaluationRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status)
            .SetProperty(r => r.Error, error).SetProperty(r => r.CompletedAt, (DateTimeOffset?)time.GetUtcNow()));
    }

    private async Task<string> SummaryAsync(int runId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.EvaluationRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
        var scored = await db.EvaluationSlides.CountAsync(s => s.EvaluationRunId == runId && s.Status == SlideStatus.Completed, ct);
        return run.SlideAuc is { } auc ? $"{scored} slides scored; slide-level AUC {auc:0.000}" : $"{scored} slides scored";
    }

    /// <summary>Slide <paramref name="index"/> of <paramref name="count"/>: its grid then its scoring fill its share of the bar.</summary>
    private sealed class Progress(JobContext context, int index, int count, string name) : IProgress<Pipeline.Progress.StageProgress>
    {
        public void Report(Pipeline.Progress.StageProgress value)
        {
            var withinSlide = value.Stage == Pipeline.Inference.HeatmapScorer.Stage ? 0.2 + 0.8 * value.Fraction : 0.2 * value.Fraction;
            context.Report(SlidesShare * (index + withinSlide) / count, $"slide {index + 1}/{count} · {name} · {value.Stage} {value.Done}/{value.Total}");
        }
    }
}
