using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Jobs;

namespace TumorWeb.Web.Tests.Pages;

/// <summary>Records what the pages ask of the queue and saves the job row, as the real queue does, without running anything.</summary>
public sealed class FakeJobQueue : IJobQueue
{
    public IDbContextFactory<TumorWebDbContext> Database { get; set; } = default!;
    public List<JobRequest> Requests { get; } = [];
    public List<(int JobId, string By)> Cancelled { get; } = [];
    public List<(int JobId, string By)> Resumed { get; } = [];

    /// <summary>Checks requests with the real <see cref="Features.Jobs.Queue.JobValidation"/> first, as the real queue does.</summary>
    public bool Validates { get; set; }

    public async Task<Job> EnqueueAsync(JobRequest request, CancellationToken ct = default)
    {
        if (Validates) await new Features.Jobs.Queue.JobValidation(Database).ValidateAsync(request, ct);
        Requests.Add(request);
        await using var db = await Database.CreateDbContextAsync(ct);
        var job = new Job { Kind = request.Kind, Title = request.Title, Status = RunStatus.Queued, CreatedAt = DateTimeOffset.UtcNow };
        db.Jobs.Add(job);
        await db.SaveChangesAsync(ct);
        return job;
    }

    public Task<bool> CancelAsync(int jobId, string actor, CancellationToken ct = default)
    {
        Cancelled.Add((jobId, actor));
        return Task.FromResult(true);
    }

    public Task<bool> ResumeAsync(int jobId, string actor, CancellationToken ct = default)
    {
        Resumed.Add((jobId, actor));
        return Task.FromResult(true);
    }
}
