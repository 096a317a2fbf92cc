using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Runs;
using TumorWeb.Web.Features.Jobs;

namespace TumorWeb.Web.Tests.Jobs;

/// <summary>A real extraction job through the API and the hub, on real synthetic slides and a real SQLite file.</summary>
public sealed class ExtractionJobTests(SyntheticDataset dataset) : IClassFixture<SyntheticDataset>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task ExtractionJobCompletesAndItsRunIsLinkedToJobAndDataset()
    {
        await using var app = new TestApp(dataset.NewDataDirectory());
        var (datasetId, _) = await app.RegisterDatasetAsync(dataset.Folder);

        var job = await app.PostJobAsync("extraction", new ExtractionJobParameters(datasetId, Seed: 2, TumorSlideThreshold: 5));
        var done = await app.WaitForFinalAsync(job.Id, Patience);

        Assert.Equal(RunStatus.Completed, done.Status);
        Assert.Equal(1.0, done.Progress);
        var run = await app.GetAsync<ExtractionDetailView>($"/api/extractions/{done.RunId}");
        Assert.Equal(datasetId, run.Run.DatasetId);
        Assert.Equal(RunStatus.Completed, run.Run.Status);
        Assert.Equal(3, run.Slides.Count);
        Assert.All(run.Slides, s => Assert.Equal(SlideStatus.Completed, s.Status));
        Assert.True(run.Slides.Sum(s => s.TumorExtracted) > 0, "no tumor patch was extracted");
    }

    [Fact]
    public async Task HubClientReceivesRunningProgressAndTheFinalStatusOfARealJob()
    {
        // The job waits at its first patch count until the hub has delivered one: a fast job would
        // otherwise finish before any "patches" event passed the 4-a-second throttle.
        var gate = new JobGate(IsPatchCount);
        await using var app = new TestApp(dataset.NewDataDirectory(), gate: gate);
        var (datasetId, _) = await app.RegisterDatasetAsync(dataset.Folder);
        await using var hub = app.HubConnection();
        var events = new List<RunEvent>();
        var completed = new TaskCompletionSource<RunEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<RunEvent>("run", e =>
        {
            lock (events) events.Add(e);
            if (IsPatchCount(e)) gate.Open();
            if (e.Status == RunStatus.Completed) completed.TrySetResult(e);
        });
        await hub.StartAsync();

        var job = await app.PostJobAsync("extraction", new ExtractionJobParameters(datasetId, TumorSlideThreshold: 5));
        var final = await completed.Task.WaitAsync(Patience);

        Assert.Equal(job.Id, final.JobId);
        Assert.NotNull(final.RunId);
        lock (events)
        {
            Assert.Equal(RunStatus.Queued, events[0].Status);
            var running = events.Where(e => e.Status == RunStatus.Running).ToList();
            Assert.Contains(running, IsPatchCount);
            Assert.True(final.Progress > running[0].Progress, "progress did not grow");
            Assert.Equal(RunStatus.Completed, events[^1].Status);
        }
    }

    [Fact]
    public async Task WatchingOneJobDeliversOnlyThatJobsEvents()
    {
        var gate = new JobGate(e => e.Status == RunStatus.Running);
        await using var app = new TestApp(dataset.NewDataDirectory(), gate: gate);
        var (datasetId, _) = await app.RegisterDatasetAsync(dataset.Folder);
        var first = await app.PostJobAsync("extraction", new ExtractionJobParameters(datasetId, TumorSlideThreshold: 5));
        // The first job waits at its start until the second is watched, so both still have events to send
        // then, however fast this machine runs them; one job at a time, the second waits for the first.
        await gate.Reached.WaitAsync(Patience);
        await using var hub = app.HubConnection();
        var jobs = new HashSet<int>();
        var secondDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await hub.StartAsync();
        var second = await app.PostJobAsync("extraction", new ExtractionJobParameters(datasetId, Seed: 9, TumorSlideThreshold: 5));
        await hub.InvokeAsync("WatchJob", second.Id);
        // Registered once watching, so events the connection got as a member of "all" before are not counted.
        hub.On<RunEvent>("run", e =>
        {
            lock (jobs) jobs.Add(e.JobId);
            if (e.JobId == second.Id && e.Status == RunStatus.Completed) secondDone.TrySetResult();
        });
        gate.Open();

        await secondDone.Task.WaitAsync(Patience);
        await app.WaitForFinalAsync(first.Id, Patience);

        lock (jobs) Assert.Equal([second.Id], jobs);
    }

    private static bool IsPatchCount(RunEvent e) =>
        e.Status == RunStatus.Running && e.Message?.StartsWith("patches", StringComparison.Ordinal) == true;
}
