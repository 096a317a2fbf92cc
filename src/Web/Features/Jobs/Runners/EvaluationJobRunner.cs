using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Evaluation;
using TumorWeb.Web.Hosting;

namespace TumorWeb.Web.Features.Jobs.Runners;

/// <summary>
/// Evaluation of a training run's furthest checkpoint on chosen slides of a dataset into
/// runs/evaluation-&lt;job id&gt;. The stage finds its run by that folder, so running the job again
/// resumes it: it keeps its checkpoint and skips the slides already done.
/// </summary>
public sealed class EvaluationJobRunner(IDbContextFactory<TumorWebDbContext> dbFactory, TumorWebPaths paths, TimeProvider time,
    Microsoft.Extensions.Options.IOptions<TumorWebOptions> settings) : IJobRunner
{
    public JobKind Kind => JobKind.Evaluation;

    public async Task RunAsync(JobContext context, CancellationToken ct) =>
        await new EvaluationRunner(dbFactory, time).RunAsync(await OptionsForJobAsync(context, ct), new Progress(context), ct);

    /// <summary>The job's evaluation settings with the dataset's drawn ground truth, into runs/evaluation-&lt;job id&gt;.</summary>
    public async Task<EvaluationRunOptions> OptionsForJobAsync(JobContext context, CancellationToken ct)
    {
        var p = context.Parameters<EvaluationJobParameters>();
        Dictionary<int, Pipeline.Grid.Annotations.DrawnAnnotations> drawn;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            drawn = await Annotations.AppAnnotations.GroundTruthOfDatasetAsync(db, p.DatasetId, ct);
        return new EvaluationRunOptions
        {
            TrainingRunId = p.TrainingRunId,
            DatasetId = p.DatasetId,
            SlideIds = p.SlideIds,
            Tta = p.Tta,
            OutputDirectory = JobOutputFolder.Create(paths.RunDirectory("evaluation", context.JobId)),
            MaxTissuePixels = settings.Value.MaxTissuePixels,
            DrawnAnnotations = drawn,
        };
    }

    /// <summary>Links the job to its run at the first report (the run's row exists by then) and shows the rest on the job.</summary>
    private sealed class Progress(JobContext context) : IProgress<EvaluationProgress>
    {
        public void Report(EvaluationProgress value)
        {
            context.Link(value.RunId);
            if (value.Message is not null) context.Report(value.Fraction, value.Message);
        }
    }
}
