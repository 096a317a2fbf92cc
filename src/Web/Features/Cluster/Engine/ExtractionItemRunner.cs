using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Extraction;
using TumorWeb.Pipeline.Progress;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Jobs.Runners;
using TumorWeb.Web.Hosting;

namespace TumorWeb.Web.Features.Cluster.Engine;

/// <summary>
/// An extraction job's items: the run's rows once, one item per slide for its grid, the plan once
/// (the seed's draw over the saved grids), one item per planned slide (its patches, in its own lane
/// of the pack), then the finish (the run's status). Items of one stage run on any workers at once.
/// Each finds the run by the job's output folder, so running an item again resumes it.
/// </summary>
public sealed class ExtractionItemRunner(IEnumerable<IJobRunner> runners, IDbContextFactory<TumorWebDbContext> dbFactory, TimeProvider time)
    : IJobItemRunner
{
    private readonly ExtractionJobRunner _job = runners.OfType<ExtractionJobRunner>().Single();

    public bool Runs(JobKind kind, JobItemStage stage) =>
        kind == JobKind.Extraction && stage is JobItemStage.Begin or JobItemStage.SlideGrid or JobItemStage.Plan or JobItemStage.Slide or JobItemStage.Finish;

    public async Task RunAsync(JobItemRun run, CancellationToken ct)
    {
        var options = await _job.OptionsForJobAsync(run.Context, ct);
        var stages = new ExtractionStages(dbFactory, time);
        switch (run.Item.Stage)
        {
            case JobItemStage.Begin:
                run.ReportStart();
                run.Context.Link((await stages.BeginAsync(options, ct)).RunId);
                break;
            case JobItemStage.SlideGrid:
                await stages.GridSlideAsync(options, run.Item.Key, ct);
                run.Report(1, "grid");
                break;
            case JobItemStage.Plan:
                var planned = await stages.PlanAsync(options, ct);
                run.Report(1, planned.NothingToExtract ?? $"planned: {Plural.Of(planned.Slides.Count, "slide")} to extract");
                break;
            case JobItemStage.Slide:
                await stages.ExtractSlideAsync(options, run.Item.Key, new ReportTo<StageProgress>(p => run.Report(p.Fraction, $"extract {p.Done}/{p.Total}")), ct);
                break;
            default:
                ExtractionJobRunner.ReportFinished(run.Context, await stages.FinishAsync(options, ct));
                break;
        }
    }
}

/// <summary>
/// An extraction's slides: for the grids, every slide of its run; for the patches, those its plan drew
/// cells from (sampling-plan.json in the job's run folder). Biggest first: the largest slide files,
/// then the slides with the most planned cells, so that no worker is left with a big slide at the end.
/// </summary>
public sealed class ExtractionStageSlides(TumorWebPaths paths) : IStageSlides
{
    public JobKind Kind => JobKind.Extraction;

    public async Task<IReadOnlyList<string>> SlidesAsync(TumorWebDbContext db, Job job, JobItemStage stage, CancellationToken ct)
    {
        var output = Path.GetFullPath(paths.RunDirectory("extraction", job.Id));
        if (stage == JobItemStage.SlideGrid)
        {
            var slides = await db.RunSlides.AsNoTracking().Where(s => s.ExtractionRun!.OutputDirectory == output).Select(s => new { s.Name, s.SlidePath }).ToListAsync(ct);
            return BiggestFirst.Order(slides.Select(s => (s.Name, BiggestFirst.FileSize(s.SlidePath))));
        }
        var plan = SamplingPlanFile.Read(output);
        return BiggestFirst.Order(plan.Slides.Select(p => (p.Key, (long)p.Value.Count)));
    }
}
