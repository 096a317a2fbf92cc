using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Jobs.Queue;

/// <summary>The run row a job produced: an extraction, training or evaluation run, by the job's kind.</summary>
public static class JobRuns
{
    public static int? RunIdOf(Job job) => job.Kind switch
    {
        JobKind.Extraction => job.ExtractionRunId,
        JobKind.Training => job.TrainingRunId,
        JobKind.Evaluation => job.EvaluationRunId,
        _ => null,
    };

    public static void Link(Job job, int runId)
    {
        switch (job.Kind)
        {
            case JobKind.Extraction: job.ExtractionRunId = runId; break;
            case JobKind.Training: job.TrainingRunId = runId; break;
            case JobKind.Evaluation: job.EvaluationRunId = runId; break;
        }
    }

    /// <summary>
    /// Marks the job's run Interrupted when its status is one of <paramref name="from"/>: the pipeline
    /// marks a stopped run Cancelled, but when the app stopped it (not a user) it is Interrupted, like the job.
    /// </summary>
    public static async Task MarkInterruptedAsync(TumorWebDbContext db, Job job, RunStatus[] from, DateTimeOffset now)
    {
        const RunStatus to = RunStatus.Interrupted;
        const string message = "interrupted: the app stopped while it ran; resume its job to continue";
        switch (job.Kind)
        {
            case JobKind.Extraction when job.ExtractionRunId is { } id:
                await db.ExtractionRuns.Where(r => r.Id == id && from.Contains(r.Status)).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, to).SetProperty(r => r.Error, message).SetProperty(r => r.CompletedAt, (DateTimeOffset?)now));
                break;
            case JobKind.Training when job.TrainingRunId is { } id:
                await db.TrainingRuns.Where(r => r.Id == id && from.Contains(r.Status)).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, to).SetProperty(r => r.Error, message).SetProperty(r => r.CompletedAt, (DateTimeOffset?)now));
                break;
            case JobKind.Evaluation when job.EvaluationRunId is { } id:
                await db.EvaluationRuns.Where(r => r.Id == id && from.Contains(r.Status)).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, to).SetProperty(r => r.Error, message).SetProperty(r => r.CompletedAt, (DateTimeOffset?)now));
                break;
        }
    }
}
