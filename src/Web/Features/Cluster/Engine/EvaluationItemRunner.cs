using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Evaluation;
using TumorWeb.Pipeline.Progress;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Jobs.Queue;
using TumorWeb.Web.Features.Jobs.Runners;

namespace TumorWeb.Web.Features.Cluster.Engine;

/// <summary>
/// An evaluation job's items: the run once, one item per chosen slide (each loads the checkpoint and
/// writes its own heatmap folder and row, on any worker), then the measurement over all heatmaps.
/// Each finds the run by the job's output folder; a slide already scored is skipped.
/// </summary>
public sealed class EvaluationItemRunner(IEnumerable<IJobRunner> runners, IDbContextFactory<TumorWebDbContext> dbFactory, TimeProvider time)
    : IJobItemRunner
{
    private readonly EvaluationJobRunner _job = runners.OfType<EvaluationJobRunner>().Single();

    public bool Runs(JobKind kind, JobItemStage stage) =>
        kind == JobKind.Evaluation && stage is JobItemStage.Begin or JobItemStage.Slide or JobItemStage.Finish;

    public async Task RunAsync(JobItemRun run, CancellationToken ct)
    {
        var options = await _job.OptionsForJobAsync(run.Context, ct);
        var stages = new EvaluationStages(dbFactory, time);
        switch (run.Item.Stage)
        {
            case JobItemStage.Begin:
                run.ReportStart();
                await stages.BeginAsync(options, new ReportTo<EvaluationProgress>(p => run.Context.Link(p.RunId)), ct);
                break;
            case JobItemStage.Slide:
                await stages.ScoreSlideAsync(options, run.Item.Key,
                    new ReportTo<StageProgress>(p => run.Report(EvaluationStages.WithinSlide(p), $"{p.Stage} {p.Done}/{p.Total}")), ct);
                break;
            default:
                await stages.FinishAsync(options, new ReportTo<EvaluationProgress>(p =>
                {
                    run.Context.Link(p.RunId);
                    if (p.Message is not null) run.Context.Report(p.Fraction, p.Message);
                }), ct);
                break;
        }
    }
}

/// <summary>An evaluation's slides are the chosen ones, by name, the largest slide files (the most tissue to score) first.</summary>
public sealed class EvaluationStageSlides : IStageSlides
{
    public JobKind Kind => JobKind.Evaluation;

    public async Task<IReadOnlyList<string>> SlidesAsync(TumorWebDbContext db, Job job, JobItemStage stage, CancellationToken ct)
    {
        var p = JobParametersJson.Read<EvaluationJobParameters>(job);
        var slides = await db.RegisteredSlides.AsNoTracking().Where(s => s.DatasetId == p.DatasetId && p.SlideIds.Contains(s.Id))
            .Select(s => new { s.Name, s.SlidePath }).ToListAsync(ct);
        return BiggestFirst.Order(slides.Select(s => (s.Name, BiggestFirst.FileSize(s.SlidePath))));
    }
}
