using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Jobs.Queue;

/// <summary>The run row a job produced: an extraction (also a mining job's derived one), training or evaluation run, by the job's kind.</summary>
public static class JobRuns
{
    public static int? RunIdOf(Job job) => job.Kind switch
    {
        JobKind.Extraction or JobKind.Mining => job.ExtractionRunId,
        JobKind.Training => job.TrainingRunId,
        JobKind.Evaluation => job.EvaluationRunId,
        _ => null,
    };

    public static void Link(Job job, int runId)
    {
        switch (job.Kind)
        {
            case JobKind.Extraction or JobKind.Mining: job.ExtractionRunId = runId; break;
            case JobKind.Training: job.TrainingRunId = runId; break;
            case JobKind.Evaluation: job.EvaluationRunId = runId; break;
        }
    }

    /// <summary>
    /// Marks the job's run Interrupted when its status is one of <paramref name="from"/>: the pipeline
    /// marks a stopped run Cancelled, but when the app stopped it (not a user) it is Interrupted, like the job.
    /// </summary>
    public static Task MarkInterruptedAsync(TumorWebDbContext db, Job job, RunStatus[] from, DateTimeOffset now) =>
        MarkAsync(db, job, from, RunStatus.Interrupted, "interrupted: the app stopped while it ran; resume its job to continue", now);

    /// <summary>A failed job's run must not stay Queued or Running: nothing runs it any more.</summary>
    public static Task MarkFailedAsync(TumorWebDbContext db, Job job, string error, DateTimeOffset now) =>
        MarkAsync(db, job, [RunStatus.Queued, RunStatus.Running], RunStatus.Failed, error, now);

    private static async Task MarkAsync(TumorWebDbContext db, Job job, RunStatus[] from, RunStatus to, string message, DateTimeOffset now)
    {
        switch (job.Kind)
        {
            case JobKind.Extraction or JobKind.Mining when job.ExtractionRunId is { } id:
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
