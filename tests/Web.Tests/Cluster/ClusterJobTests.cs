using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Cli;
using TumorWeb.Web.Features.Cluster.Engine;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Runs;
using TumorWeb.Web.Tests.Accounts;
using TumorWeb.Web.Tests.Cli;
using TumorWeb.Web.Tests.Jobs;

namespace TumorWeb.Web.Tests.Cluster;

/// <summary>
/// Jobs in cluster mode: a web node that runs no jobs and worker hosts built as by
/// <c>tumorweb worker</c>, on one PostgreSQL database, with real extraction and training.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterJobTests(PostgresFixture postgres, SyntheticDataset dataset) : IClassFixture<SyntheticDataset>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    private static ExtractionJobParameters Extraction(int datasetId) => new(datasetId, Seed: 3, TumorSlideThreshold: 5);

    [SkippableFact]
    public async Task AnExtractionInClusterModeEqualsTheSameExtractionInEmbeddedMode()
    {
        (List<string> Slides, List<string> Patches) embedded;
        await using (var alone = new TestApp(dataset.NewDataDirectory()))
        {
            var (datasetId, _) = await alone.RegisterDatasetAsync(dataset.Folder);
            var done = await alone.WaitForFinalAsync((await alone.PostJobAsync("extraction", Extraction(datasetId))).Id, Patience);
            Assert.Equal(RunStatus.Completed, done.Status);
            embedded = await ExtractionSnapshot.OfAsync(alone.Db, done.RunId!.Value);
        }

        await using var cluster = await ClusterBed.StartAsync(postgres, dataset.NewDataDirectory(), dataset.Root);
        // Each worker holds its first slide until the other has taken one too, so both do slides however fast this machine is.
        var gate = new JobGate(e => e.Status == RunStatus.Running && e.Message?.Contains("· extract", StringComparison.Ordinal) == true);
        await cluster.StartWorkerAsync("worker-a", "cpu", gate: gate);
        await cluster.StartWorkerAsync("worker-b", "cpu,gpu", gate: gate);
        var (clusterDatasetId, _) = await cluster.Web.RegisterDatasetAsync(dataset.Folder);
        var posted = await cluster.Web.PostJobAsync("extraction", Extraction(clusterDatasetId));
        await WaitUntilAsync(async () => (await cluster.ItemsAsync(posted.Id))
            .Where(i => i.Stage == JobItemStage.Slide && i.Status == RunStatus.Running).Select(i => i.Owner).Distinct().Count() == 2, "both workers run a slide");
        gate.Open();
        var job = await cluster.Web.WaitForFinalAsync(posted.Id, Patience);

        Assert.True(job.Status == RunStatus.Completed, $"{job.Status}: {job.Message}");
        Assert.Equal(1.0, job.Progress);
        var inCluster = await ExtractionSnapshot.OfAsync(cluster.Db, job.RunId!.Value);
        Assert.NotEmpty(embedded.Patches);
        Assert.Equal(embedded.Slides, inCluster.Slides);
        Assert.Equal(embedded.Patches, inCluster.Patches);
        var items = await cluster.ItemsAsync(job.Id);
        Assert.Equal(["Begin", "SlideGrid", "SlideGrid", "SlideGrid", "Plan", "Slide", "Slide", "Slide", "Finish"], items.Select(i => i.Stage.ToString()));
        Assert.Equal(["normal_001", "tumor_001", "tumor_002"], items.Where(i => i.Stage == JobItemStage.SlideGrid).Select(i => i.Key).Order());
        // The slides with the most cells to extract are handed out first.
        await using var db = await cluster.Db.CreateDbContextAsync();
        var planned = await db.RunSlides.Where(s => s.ExtractionRunId == job.RunId).ToDictionaryAsync(s => s.Name, s => s.TumorExtracted + s.NormalExtracted);
        var patchItems = items.Where(i => i.Stage == JobItemStage.Slide).Select(i => planned[i.Key]).ToList();
        Assert.Equal(patchItems.OrderDescending(), patchItems);
        Assert.All(items, i => Assert.Equal((RunStatus.Completed, 1, ClusterNode.Cpu), (i.Status, i.Attempts, i.Queue)));
        Assert.Equal(["worker-a", "worker-b"], items.Where(i => i.Stage == JobItemStage.Slide).Select(i => i.Owner).Distinct().Order());
    }

    [SkippableFact]
    public async Task TrainingRunsOnlyOnTheWorkerThatServesTheGpuQueue()
    {
        await using var cluster = await ClusterBed.StartAsync(postgres, dataset.NewDataDirectory(), dataset.Root);
        await cluster.StartWorkerAsync("cpu-only", "cpu");
        await cluster.StartWorkerAsync("gpu-worker", "gpu");
        var (datasetId, _) = await cluster.Web.RegisterDatasetAsync(dataset.Folder);

        var extraction = await cluster.Web.WaitForFinalAsync((await cluster.Web.PostJobAsync("extraction", Extraction(datasetId))).Id, Patience);
        Assert.True(extraction.Status == RunStatus.Completed, $"extraction {extraction.Status}: {extraction.Message}");
        var training = await cluster.Web.WaitForFinalAsync(
            (await cluster.Web.PostJobAsync("training", new TrainingJobParameters(extraction.RunId!.Value, "tiny", Epochs: 1))).Id, Patience);

        Assert.True(training.Status == RunStatus.Completed, $"training {training.Status}: {training.Message}");
        Assert.NotNull(training.RunId);
        Assert.All(await cluster.ItemsAsync(extraction.Id), i => Assert.Equal((ClusterNode.Cpu, "cpu-only"), (i.Queue, i.Owner)));
        Assert.Equal([(JobItemStage.Whole, ClusterNode.Gpu, "gpu-worker")], (await cluster.ItemsAsync(training.Id)).Select(i => (i.Stage, i.Queue, i.Owner)));
    }

    [SkippableFact]
    public async Task TheCliContinuesATrainingTheClusterMadeOnTheDatabaseTheEnvironmentNames()
    {
        await using var cluster = await ClusterBed.StartAsync(postgres, dataset.NewDataDirectory(), dataset.Root);
        await cluster.StartWorkerAsync("worker", "cpu,gpu");
        var (datasetId, _) = await cluster.Web.RegisterDatasetAsync(dataset.Folder);
        var extraction = await cluster.Web.WaitForFinalAsync((await cluster.Web.PostJobAsync("extraction", Extraction(datasetId))).Id, Patience);
        var training = await cluster.Web.WaitForFinalAsync(
            (await cluster.Web.PostJobAsync("training", new TrainingJobParameters(extraction.RunId!.Value, "tiny", Epochs: 1))).Id, Patience);
        Assert.True(training.Status == RunStatus.Completed, $"training {training.Status}: {training.Message}");
        string folder;
        await using (var db = await cluster.Db.CreateDbContextAsync())
            folder = (await db.TrainingRuns.SingleAsync(r => r.Id == training.RunId)).OutputDirectory;

        var withoutDatabase = await CliRunner.RunAsync("train", "--resume", folder, "--epochs", "2");
        var resumed = await CliRunner.RunAsync(new Dictionary<string, string> { [CliDatabase.ClusterVariable] = cluster.Database }, null,
            "train", "--resume", folder, "--epochs", "2");

        Assert.Equal(1, withoutDatabase.ExitCode);
        Assert.Contains($"its training.json names no catalog file, so the web app made it in a cluster; set {CliDatabase.ClusterVariable}", withoutDatabase.Stderr);
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        await using (var db = await cluster.Db.CreateDbContextAsync())
        {
            var run = await db.TrainingRuns.AsNoTracking().Include(r => r.Metrics).SingleAsync(r => r.Id == training.RunId);
            Assert.Equal((RunStatus.Completed, 2), (run.Status, run.Metrics.Max(m => m.Epoch)));
        }
    }

    [SkippableFact]
    public async Task AnEvaluationSpreadOverTwoWorkersMeasuresTheSameAsTheWholeEvaluationInOneProcess()
    {
        await using var cluster = await ClusterBed.StartAsync(postgres, dataset.NewDataDirectory(), dataset.Root);
        var evaluationJob = -1;
        // Each worker holds its first slide of the evaluation until the other has taken one too.
        var gate = new JobGate(e => e.JobId == Volatile.Read(ref evaluationJob) && e.Status == RunStatus.Running
            && e.Message?.StartsWith("slide ", StringComparison.Ordinal) == true);
        await cluster.StartWorkerAsync("worker-a", "cpu,gpu", gate: gate);
        await cluster.StartWorkerAsync("worker-b", "cpu", gate: gate);
        var (datasetId, slideIds) = await cluster.Web.RegisterDatasetAsync(dataset.Folder);
        var extraction = await cluster.Web.WaitForFinalAsync((await cluster.Web.PostJobAsync("extraction", Extraction(datasetId))).Id, Patience);
        var training = await cluster.Web.WaitForFinalAsync(
            (await cluster.Web.PostJobAsync("training", new TrainingJobParameters(extraction.RunId!.Value, "tiny", Epochs: 1))).Id, Patience);
        Assert.True(training.Status == RunStatus.Completed, $"training {training.Status}: {training.Message}");

        var posted = await cluster.Web.PostJobAsync("evaluation", new EvaluationJobParameters(training.RunId!.Value, datasetId, slideIds));
        Volatile.Write(ref evaluationJob, posted.Id);
        await WaitUntilAsync(async () => (await cluster.ItemsAsync(posted.Id))
            .Where(i => i.Stage == JobItemStage.Slide && i.Status == RunStatus.Running).Select(i => i.Owner).Distinct().Count() == 2, "both workers score a slide");
        gate.Open();
        var job = await cluster.Web.WaitForFinalAsync(posted.Id, Patience);
        var whole = await new Pipeline.Evaluation.EvaluationRunner(cluster.Db, TimeProvider.System).RunAsync(new Pipeline.Evaluation.EvaluationRunOptions
        {
            TrainingRunId = training.RunId.Value, DatasetId = datasetId, SlideIds = slideIds, OutputDirectory = Path.Combine(cluster.DataDirectory, "evaluation-whole"),
        }, null, CancellationToken.None);

        Assert.True(job.Status == RunStatus.Completed, $"{job.Status}: {job.Message}");
        var spread = await cluster.Web.GetAsync<EvaluationDetailView>($"/api/evaluations/{job.RunId}");
        var reference = await cluster.Web.GetAsync<EvaluationDetailView>($"/api/evaluations/{whole.RunId}");
        Assert.NotNull(reference.Run.SlideAuc);
        Assert.Equal((reference.Run.SlideAuc, reference.Run.FrocScore), (spread.Run.SlideAuc, spread.Run.FrocScore));
        Assert.Equal(reference.Slides.Select(s => (s.Name, s.Status, s.Auc, s.AucTissue, s.MaxScore)),
            spread.Slides.Select(s => (s.Name, s.Status, s.Auc, s.AucTissue, s.MaxScore)));
        var items = await cluster.ItemsAsync(job.Id);
        Assert.Equal(["Begin", "Slide", "Slide", "Slide", "Finish"], items.Select(i => i.Stage.ToString()));
        Assert.Equal(["worker-a", "worker-b"], items.Where(i => i.Stage == JobItemStage.Slide).Select(i => i.Owner).Distinct().Order());
    }

    [SkippableFact]
    public async Task AnItemDeliveredTwiceRunsOnce()
    {
        await using var cluster = await ClusterBed.StartAsync(postgres, dataset.NewDataDirectory(), dataset.Root);
        var (datasetId, _) = await cluster.Web.RegisterDatasetAsync(dataset.Folder);
        // Queued while no worker runs, then handed to Hangfire a second time: two deliveries of the job's first item.
        var job = await cluster.Web.PostJobAsync("extraction", Extraction(datasetId));
        var first = Assert.Single(await cluster.ItemsAsync(job.Id));
        await cluster.Web.Services.GetRequiredService<JobItemDispatch>().EnqueueAllAsync([first]);
        // Two at once, so both deliveries can be taken together and only the claim keeps one out.
        await cluster.StartWorkerAsync("worker", "cpu", concurrency: 2);

        var done = await cluster.Web.WaitForFinalAsync(job.Id, Patience);

        Assert.True(done.Status == RunStatus.Completed, $"{done.Status}: {done.Message}");
        var items = await cluster.ItemsAsync(job.Id);
        await WaitUntilAsync(() => Task.FromResult(cluster.SucceededDeliveries() == items.Count + 1), "every Hangfire delivery ends");
        Assert.Equal((JobItemStage.Begin, RunStatus.Completed, 1, "worker"), (items[0].Stage, items[0].Status, items[0].Attempts, items[0].Owner));
        Assert.All(items, i => Assert.Equal((RunStatus.Completed, 1), (i.Status, i.Attempts)));
        await AssertNoDuplicatePatchesAsync(cluster, done.RunId!.Value);
    }

    [SkippableFact]
    public async Task AnItemWhoseNodeDiedIsTakenOverByALiveWorkerAfterItsLeaseLapses()
    {
        await using var cluster = await ClusterBed.StartAsync(postgres, dataset.NewDataDirectory(), dataset.Root);
        var (datasetId, _) = await cluster.Web.RegisterDatasetAsync(dataset.Folder);
        var job = await cluster.Web.PostJobAsync("extraction", Extraction(datasetId));
        // What a node killed while it ran the item leaves: the item Running under its lapsed lease, and no delivery left in Hangfire.
        await cluster.ExecuteAsync("DELETE FROM hangfire.jobqueue");
        await cluster.ExecuteAsync($"""
            UPDATE "JobItems" SET "Status" = 'Running', "Owner" = 'dead-node', "Attempts" = 1, "LeaseExpiresAt" = now() - interval '1 minute' WHERE "JobId" = {job.Id} AND "Stage" = 'Begin';
            UPDATE "Jobs" SET "Status" = 'Running', "StartedAt" = now() WHERE "Id" = {job.Id};
            """);

        await cluster.StartWorkerAsync("live-node", "cpu");
        var done = await cluster.Web.WaitForFinalAsync(job.Id, Patience);

        Assert.True(done.Status == RunStatus.Completed, $"{done.Status}: {done.Message}");
        var item = (await cluster.ItemsAsync(job.Id))[0];
        Assert.Equal((JobItemStage.Begin, RunStatus.Completed, 2, "live-node"), (item.Stage, item.Status, item.Attempts, item.Owner));
        await AssertNoDuplicatePatchesAsync(cluster, done.RunId!.Value);
    }

    [SkippableFact]
    public async Task AnItemSavedButNeverHandedToHangfireIsHandedOverByTheSweeper()
    {
        await using var cluster = await ClusterBed.StartAsync(postgres, dataset.NewDataDirectory(), dataset.Root);
        var (datasetId, _) = await cluster.Web.RegisterDatasetAsync(dataset.Folder);
        var job = await cluster.Web.PostJobAsync("extraction", Extraction(datasetId));
        var saved = Assert.Single(await cluster.ItemsAsync(job.Id));
        Assert.NotNull(saved.DispatchedAt);
        // What a node that died between saving the item and handing it to Hangfire leaves: the item Queued, no delivery.
        await cluster.ExecuteAsync("DELETE FROM hangfire.jobqueue");
        await cluster.ExecuteAsync($"""UPDATE "JobItems" SET "DispatchedAt" = NULL WHERE "JobId" = {job.Id}""");

        await cluster.StartWorkerAsync("worker", "cpu");
        var done = await cluster.Web.WaitForFinalAsync(job.Id, Patience);

        Assert.True(done.Status == RunStatus.Completed, $"{done.Status}: {done.Message}");
        var items = await cluster.ItemsAsync(job.Id);
        Assert.All(items, i => Assert.Equal((RunStatus.Completed, 1), (i.Status, i.Attempts)));
        Assert.All(items, i => Assert.NotNull(i.DispatchedAt));
        await AssertNoDuplicatePatchesAsync(cluster, done.RunId!.Value);
    }

    [SkippableFact]
    public async Task ACancelFromTheWebNodeStopsTheItemOnAWorkerWithinFiveSecondsAndResumeCompletesIt()
    {
        await using var cluster = await ClusterBed.StartAsync(postgres, dataset.NewDataDirectory(), dataset.Root);
        // The worker holds the job at its first slide's first patch count until the cancel arrives, however fast this machine is.
        var gate = new JobGate(e => e.Status == RunStatus.Running && e.Message?.Contains("· extract", StringComparison.Ordinal) == true);
        await cluster.StartWorkerAsync("worker", "cpu", gate: gate);
        var (datasetId, _) = await cluster.Web.RegisterDatasetAsync(dataset.Folder);
        var job = await cluster.Web.PostJobAsync("extraction", Extraction(datasetId));
        await gate.Reached.WaitAsync(Patience);

        var client = cluster.Web.CreateClientAs();
        var clock = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/jobs/{job.Id}/cancel", null)).StatusCode);
        var cancelled = await cluster.Web.WaitForFinalAsync(job.Id, TimeSpan.FromSeconds(5));
        clock.Stop();

        Assert.Equal(RunStatus.Cancelled, cancelled.Status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the cancel took {clock.Elapsed.TotalSeconds:0.0} s");
        var stopped = await cluster.ItemsAsync(job.Id);
        Assert.Equal(RunStatus.Completed, stopped[0].Status);
        Assert.All(stopped.Where(i => i.Stage == JobItemStage.Slide), i => Assert.Equal(RunStatus.Cancelled, i.Status));
        var held = Assert.Single(stopped, i => i.Attempts == 1 && i.Stage == JobItemStage.Slide);

        gate.Open();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/jobs/{job.Id}/resume", null)).StatusCode);
        var resumed = await cluster.Web.WaitForFinalAsync(job.Id, Patience);

        Assert.True(resumed.Status == RunStatus.Completed, $"{resumed.Status}: {resumed.Message}");
        var items = await cluster.ItemsAsync(job.Id);
        Assert.All(items, i => Assert.Equal(RunStatus.Completed, i.Status));
        Assert.Equal(2, items.Single(i => i.Id == held.Id).Attempts);
        await AssertNoDuplicatePatchesAsync(cluster, resumed.RunId!.Value);
    }

    [SkippableFact]
    public async Task CancellingAJobNoWorkerHasTakenCancelsItAtOnce()
    {
        await using var cluster = await ClusterBed.StartAsync(postgres, dataset.NewDataDirectory(), dataset.Root);
        var (datasetId, _) = await cluster.Web.RegisterDatasetAsync(dataset.Folder);
        var job = await cluster.Web.PostJobAsync("extraction", Extraction(datasetId));

        Assert.True(await cluster.Web.Services.GetRequiredService<IJobQueue>().CancelAsync(job.Id, "tests"));

        var cancelled = await cluster.Web.GetAsync<JobView>($"/api/jobs/{job.Id}");
        Assert.Equal((RunStatus.Cancelled, JobOutcomes.CancelledBeforeStartMessage), (cancelled.Status, cancelled.Message));
        Assert.Equal(RunStatus.Cancelled, Assert.Single(await cluster.ItemsAsync(job.Id)).Status);
        // Its delivery finds the job cancelled and does nothing.
        await cluster.StartWorkerAsync("late-worker", "cpu");
        await WaitUntilAsync(() => Task.FromResult(cluster.SucceededDeliveries() == 1), "the delivery ends");
        Assert.Equal(0, Assert.Single(await cluster.ItemsAsync(job.Id)).Attempts);
    }

    [SkippableFact]
    public async Task AJobHangfireCannotTakeFailsWithTheReasonAndResumesOnceHangfireIsBack()
    {
        await using var cluster = await ClusterBed.StartAsync(postgres, dataset.NewDataDirectory(), dataset.Root);
        var (datasetId, _) = await cluster.Web.RegisterDatasetAsync(dataset.Folder);
        await cluster.ExecuteAsync("DROP SCHEMA hangfire CASCADE");

        var job = await cluster.Web.PostJobAsync("extraction", Extraction(datasetId));

        Assert.Equal(RunStatus.Failed, job.Status);
        Assert.StartsWith("could not queue its work in Hangfire: ", job.Error);
        Assert.EndsWith("; resume the job to try again", job.Error);
        await HangfireStorage.InstallAsync(cluster.Database, CancellationToken.None);
        await cluster.StartWorkerAsync("worker", "cpu");
        Assert.Equal(HttpStatusCode.OK, (await cluster.Web.CreateClientAs().PostAsync($"/api/jobs/{job.Id}/resume", null)).StatusCode);
        var done = await cluster.Web.WaitForFinalAsync(job.Id, Patience);
        Assert.True(done.Status == RunStatus.Completed, $"{done.Status}: {done.Message}");
    }

    private static async Task AssertNoDuplicatePatchesAsync(ClusterBed cluster, int runId)
    {
        await using var db = await cluster.Db.CreateDbContextAsync();
        var patches = await db.Patches.Where(p => p.ExtractionRunId == runId).Select(p => new { p.RunSlideId, p.X, p.Y }).ToListAsync();
        var extracted = await db.RunSlides.Where(s => s.ExtractionRunId == runId).SumAsync(s => s.TumorExtracted + s.NormalExtracted);
        Assert.NotEmpty(patches);
        Assert.Equal(patches.Count, patches.Distinct().Count());
        Assert.Equal(extracted, patches.Count);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"waited 60 s for {what}");
            await Task.Delay(100);
        }
    }
}
