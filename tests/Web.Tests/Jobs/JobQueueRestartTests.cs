using Microsoft.EntityFrameworkCore;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Runs;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Jobs.Queue;
using TumorWeb.Web.Tests.Accounts;

namespace TumorWeb.Web.Tests.Jobs;

/// <summary>The queue lives in SQLite: what a stopped app leaves behind is what the next start finds.</summary>
public sealed class JobQueueRestartTests(SyntheticDataset dataset) : IClassFixture<SyntheticDataset>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task AfterARestartTheRunningJobIsInterruptedWithItsRunAndTheQueuedOneRuns()
    {
        var data = dataset.NewDataDirectory();
        int runningId, queuedId, extractionRunId;
        await using (var first = new TestApp(data))
        {
            var (datasetId, _) = await first.RegisterDatasetAsync(dataset.Folder);
            // What a process killed mid-job leaves: a Running job with a Running run, and a job queued behind it.
            await using var db = await first.Db.CreateDbContextAsync();
            var parameters = JobParametersJson.Write(JobKind.Extraction, new ExtractionJobParameters(datasetId, TumorSlideThreshold: 5));
            var run = new ExtractionRun { Name = "left over", DatasetPath = dataset.Folder, OutputDirectory = Path.Combine(data, "elsewhere"), Status = RunStatus.Running };
            db.ExtractionRuns.Add(run);
            await db.SaveChangesAsync();
            var running = NewJob(parameters, RunStatus.Running);
            running.ExtractionRunId = run.Id;
            var queued = NewJob(parameters, RunStatus.Queued);
            // Both are written straight to the table; the worker only wakes on an enqueue, so the queued one waits for the restart.
            db.Jobs.AddRange(running, queued);
            await db.SaveChangesAsync();
            (runningId, queuedId, extractionRunId) = (running.Id, queued.Id, run.Id);
        }

        await using var second = new TestApp(data);
        var interrupted = await second.GetAsync<JobView>($"/api/jobs/{runningId}");
        var afterRestart = await second.WaitForFinalAsync(queuedId, Patience);

        Assert.Equal(RunStatus.Interrupted, interrupted.Status);
        Assert.Equal(RunStatus.Interrupted, (await second.GetAsync<ExtractionDetailView>($"/api/extractions/{extractionRunId}")).Run.Status);
        Assert.Equal(RunStatus.Completed, afterRestart.Status);
    }

    [Fact]
    public async Task JobsStoppedByShutdownAreInterruptedAndResumeToCompletion()
    {
        var data = dataset.NewDataDirectory();
        int jobId;
        // The job waits at its start until the shutdown stops it, however fast this machine would run it.
        var gate = new JobGate(e => e.Status == RunStatus.Running);
        await using (var first = new TestApp(data, gate: gate))
        {
            var (datasetId, _) = await first.RegisterDatasetAsync(dataset.Folder);
            jobId = (await first.PostJobAsync("extraction", new ExtractionJobParameters(datasetId, TumorSlideThreshold: 5))).Id;
            await gate.Reached.WaitAsync(Patience);
        }

        await using var second = new TestApp(data);
        var stopped = await second.GetAsync<JobView>($"/api/jobs/{jobId}");
        Assert.Equal(RunStatus.Interrupted, stopped.Status);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await second.CreateClientAs().PostAsync($"/api/jobs/{jobId}/resume", null)).StatusCode);
        var final = await second.WaitForFinalAsync(jobId, Patience);
        Assert.Equal(RunStatus.Completed, final.Status);
        // A job stopped before its run row existed gets the run when resumed.
        var run = await second.GetAsync<ExtractionDetailView>($"/api/extractions/{final.RunId}");
        Assert.Equal(RunStatus.Completed, run.Run.Status);
        await using var db = await second.Db.CreateDbContextAsync();
        var patches = await db.Patches.Where(p => p.ExtractionRunId == run.Run.Id).Select(p => new { p.RunSlideId, p.X, p.Y }).ToListAsync();
        Assert.Equal(patches.Count, patches.Distinct().Count());
        Assert.Equal(patches.Count, run.Slides.Sum(s => s.TumorExtracted + s.NormalExtracted));
    }

    private static Job NewJob(string parameters, RunStatus status) => new()
    {
        Kind = JobKind.Extraction, Title = $"{status} before the restart", Parameters = parameters, Status = status, CreatedAt = DateTimeOffset.UtcNow,
    };
}
