using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Runs;

/// <summary>The reads the run pages share: jobs behind runs and patch counts.</summary>
public static class RunQueries
{
    /// <summary>The latest job that made or resumed the run, or null for a run started from the command line.</summary>
    public static Task<Job?> LatestJobAsync(this TumorWebDbContext db, JobKind kind, int runId, CancellationToken ct = default)
    {
        var jobs = db.Jobs.Where(j => j.Kind == kind);
        jobs = kind switch
        {
            JobKind.Extraction or JobKind.Mining => jobs.Where(j => j.ExtractionRunId == runId),
            JobKind.Training => jobs.Where(j => j.TrainingRunId == runId),
            _ => jobs.Where(j => j.EvaluationRunId == runId),
        };
        return jobs.OrderByDescending(j => j.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Jobs of a kind that have not made their run yet (queued, or just started), newest first.</summary>
    public static Task<List<Job>> JobsWithoutRunAsync(this TumorWebDbContext db, JobKind kind, CancellationToken ct = default)
    {
        var jobs = db.Jobs.Where(j => j.Kind == kind && (j.Status == RunStatus.Queued || j.Status == RunStatus.Running || j.Status == RunStatus.Failed));
        jobs = kind switch
        {
            JobKind.Extraction or JobKind.Mining => jobs.Where(j => j.ExtractionRunId == null),
            JobKind.Training => jobs.Where(j => j.TrainingRunId == null),
            _ => jobs.Where(j => j.EvaluationRunId == null),
        };
        return jobs.OrderByDescending(j => j.Id).Take(20).ToListAsync(ct);
    }

    public static async Task<List<PatchCount>> PatchCountsAsync(this TumorWebDbContext db, IReadOnlyCollection<int> extractionRunIds, CancellationToken ct = default) =>
        await db.Patches
            .Where(p => extractionRunIds.Contains(p.ExtractionRunId))
            .GroupBy(p => new { p.ExtractionRunId, p.Split, p.Label })
            .Select(g => new PatchCount(g.Key.ExtractionRunId, g.Key.Split, g.Key.Label, g.Count()))
            .ToListAsync(ct);
}
