using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Jobs.Queue;

namespace TumorWeb.Web.Features.Jobs;

/// <summary>
/// What a runner gets for one job: its row (as it was when it started, so a resumed job knows its
/// run), its parameters, and the way to report progress and to link the run it produced.
/// </summary>
public sealed class JobContext(Job job, IRunNotifier notifier, IDbContextFactory<TumorWebDbContext> dbFactory, TimeProvider time)
{
    public Job Job { get; } = job;
    public int JobId => Job.Id;

    /// <summary>The run this job produced, once known (set on a resume from the start).</summary>
    public int? RunId => JobRuns.RunIdOf(Job);

    /// <summary>The last message reported, saved with the final status.</summary>
    public string? LastMessage { get; private set; }

    /// <summary>The last fraction reported, saved with a final status other than Completed.</summary>
    public double LastProgress { get; private set; } = job.Progress;

    public T Parameters<T>() => JobParametersJson.Read<T>(Job);

    public void Report(double progress, string? message, RunMetric? metric = null)
    {
        (LastMessage, LastProgress) = (message, Math.Clamp(progress, 0, 1));
        notifier.Publish(new RunEvent(JobId, Job.Kind, RunStatus.Running, LastProgress, message, RunId, metric, time.GetUtcNow()));
    }

    /// <summary>
    /// Records the run this job produced on its row. Synchronous, because it is called from the
    /// pipeline's progress callbacks, which run on a worker thread.
    /// </summary>
    public void Link(int runId)
    {
        if (RunId == runId) return;
        JobRuns.Link(Job, runId);
        using var db = dbFactory.CreateDbContext();
        db.Jobs.Attach(Job);
        db.Entry(Job).Property(JobRunProperty).IsModified = true;
        db.SaveChanges();
    }

    private string JobRunProperty => Job.Kind switch
    {
        JobKind.Extraction or JobKind.Mining => nameof(Job.ExtractionRunId),
        JobKind.Training => nameof(Job.TrainingRunId),
        _ => nameof(Job.EvaluationRunId),
    };
}
