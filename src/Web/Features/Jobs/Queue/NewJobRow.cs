using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Accounts;

namespace TumorWeb.Web.Features.Jobs.Queue;

/// <summary>How either queue saves a job just asked for: its row, Queued, with its audit entry, in one transaction.</summary>
public static class NewJobRow
{
    /// <summary>
    /// Saves the job and its audit entry (which names the job's id, known only after the first save),
    /// and whatever <paramref name="alsoAdd"/> adds for it, together or not at all.
    /// </summary>
    public static async Task<Job> SaveAsync(TumorWebDbContext db, JobRequest request, int? datasetId, AuditLog audit, DateTimeOffset now,
        Func<Job, Task>? alsoAdd, CancellationToken ct)
    {
        var job = new Job
        {
            Kind = request.Kind,
            Title = await JobTitles.ForAsync(db, request, ct) ?? request.Title.Trim(),
            Parameters = JobParametersJson.Write(request.Kind, request.Parameters),
            Status = RunStatus.Queued,
            CreatedBy = request.CreatedBy,
            CreatedAt = now,
            DatasetId = datasetId,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Jobs.Add(job);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(audit.Entry(job.CreatedBy ?? AuditActions.System, AuditActions.JobStart, $"job {job.Id}", job.Title));
        if (alsoAdd is not null) await alsoAdd(job);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return job;
    }
}
