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
/// An extraction job's items: the plan once (every slide's grid and the seed's draw), one item per
/// planned slide (its patches, in its own lane of the pack, on any worker), then the finish (the
/// run's status). Each finds the run by the job's output folder, so running an item again resumes it.
/// </summary>
public sealed class ExtractionItemRunner(IEnumerable<IJobRunner> runners, IDbContextFactory<TumorWebDbContext> dbFactory, TimeProvider time)
    : IJobItemRunner
{
    private readonly ExtractionJobRunner _job = runners.OfType<ExtractionJobRunner>().Single();

    public bool Runs(JobKind kind, JobItemStage stage) =>
        kind == JobKind.Extraction && stage is JobItemStage.Plan or JobItemStage.Slide or JobItemStage.Finish;

    public async Task RunAsync(JobItemRun run, CancellationToken ct)
    {
        var options = await _job.OptionsForJobAsync(run.Context, ct);
        var stages = new ExtractionStages(dbFactory, time);
        switch (run.Item.Stage)
        {
            case JobItemStage.Plan:
                run.ReportStart();
                // The grids are the first 30 % of the job's bar, as in embedded mode.
                var planned = await stages.PlanAsync(options, new ExtractionProgress(run.Context, dbFactory, options.OutputDirectory), ct);
                run.Context.Link(planned.RunId);
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

/// <summary>An extraction's slides are those its plan drew cells from (sampling-plan.json in the job's run folder).</summary>
public sealed class ExtractionStageSlides(TumorWebPaths paths) : IStageSlides
{
    public JobKind Kind => JobKind.Extraction;

    public Task<IReadOnlyList<string>> SlidesAsync(TumorWebDbContext db, Job job, CancellationToken ct)
    {
        var plan = SamplingPlanFile.Read(Path.GetFullPath(paths.RunDirectory("extraction", job.Id)));
        return Task.FromResult<IReadOnlyList<string>>(plan.Slides.Keys.Order(StringComparer.Ordinal).ToList());
    }
}
