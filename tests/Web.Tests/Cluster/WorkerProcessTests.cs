using Microsoft.EntityFrameworkCore;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Cluster.Engine;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Tests.Cli;
using TumorWeb.Web.Tests.Jobs;

namespace TumorWeb.Web.Tests.Cluster;

/// <summary>Real <c>tumorweb worker</c> processes on a throwaway PostgreSQL, one of them killed with SIGKILL while it works.</summary>
[Collection(PostgresCollection.Name)]
public sealed class WorkerProcessTests(PostgresFixture postgres, SixSlideDataset dataset) : IClassFixture<SixSlideDataset>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    private static ExtractionJobParameters Extraction(int datasetId) => new(datasetId, Seed: 4, TumorSlideThreshold: 5);

    [SkippableFact]
    public async Task AWorkerKilledMidExtractionLosesNothingAndTheOtherFinishesItWithoutDuplicates()
    {
        (List<string> Slides, List<string> Patches) embedded;
        await using (var alone = new TestApp(dataset.NewDataDirectory()))
        {
            var (datasetId, _) = await alone.RegisterDatasetAsync(dataset.Folder);
            var embeddedJob = await alone.WaitForFinalAsync((await alone.PostJobAsync("extraction", Extraction(datasetId))).Id, Patience);
            Assert.Equal(RunStatus.Completed, embeddedJob.Status);
            embedded = await ExtractionSnapshot.OfAsync(alone.Db, embeddedJob.RunId!.Value);
        }
        await using var cluster = await ClusterBed.StartAsync(postgres, dataset.NewDataDirectory(), dataset.Root);
        await using var first = await WorkerProcess.StartAsync("proc-a", "cpu", cluster.WorkerSettings, cluster.Storage);
        await using var second = await WorkerProcess.StartAsync("proc-b", "cpu", cluster.WorkerSettings, cluster.Storage);
        var (clusterDatasetId, _) = await cluster.Web.RegisterDatasetAsync(dataset.Folder);
        var job = await cluster.Web.PostJobAsync("extraction", Extraction(clusterDatasetId));

        var owner = await WaitForSavedPatchesAsync(cluster, job.Id);
        var (victim, survivor) = owner == first.Name ? (first, second) : (second, first);
        await victim.KillAsync();
        var cut = (await cluster.ItemsAsync(job.Id)).Where(i => i.Status == RunStatus.Running && i.Owner == victim.Name).Select(i => i.Id).ToList();
        Assert.True(cut.Count > 0, "the victim's item ended before the kill: the slides are too small for this machine");
        var done = await cluster.Web.WaitForFinalAsync(job.Id, Patience);

        Assert.True(done.Status == RunStatus.Completed, $"{done.Status}: {done.Message}\n{survivor.Name}:\n{survivor.Output}");
        var items = await cluster.ItemsAsync(job.Id);
        Assert.All(items, i => Assert.Equal(RunStatus.Completed, i.Status));
        Assert.All(items.Where(i => cut.Contains(i.Id)), i => Assert.Equal((2, survivor.Name), (i.Attempts, i.Owner)));
        var inCluster = await ExtractionSnapshot.OfAsync(cluster.Db, done.RunId!.Value);
        Assert.Equal(inCluster.Patches.Count, inCluster.Patches.Distinct().Count());
        Assert.Equal(embedded.Slides, inCluster.Slides);
        Assert.Equal(embedded.Patches, inCluster.Patches);
    }

    [SkippableFact]
    public async Task AWorkerStoppedWithSigtermDrainsItsItemBackToTheQueueAndTheOtherFinishesIt()
    {
        await using var cluster = await ClusterBed.StartAsync(postgres, dataset.NewDataDirectory(), dataset.Root);
        await using var first = await WorkerProcess.StartAsync("proc-a", "cpu", cluster.WorkerSettings, cluster.Storage);
        await using var second = await WorkerProcess.StartAsync("proc-b", "cpu", cluster.WorkerSettings, cluster.Storage);
        var (datasetId, _) = await cluster.Web.RegisterDatasetAsync(dataset.Folder);
        var job = await cluster.Web.PostJobAsync("extraction", Extraction(datasetId));

        var owner = await WaitForSavedPatchesAsync(cluster, job.Id);
        var (drained, survivor) = owner == first.Name ? (first, second) : (second, first);
        var exitCode = await drained.TerminateAsync(TimeSpan.FromSeconds(60));
        var done = await cluster.Web.WaitForFinalAsync(job.Id, Patience);

        Assert.Equal(0, exitCode);
        // Usually the item stops at its next batch and says "ended Shutdown"; on a machine too busy to reach a
        // batch's end within the 30 s Hangfire gives, its lease lapses instead. Either way the other worker takes it.
        Assert.True(done.Status == RunStatus.Completed, $"{done.Status}: {done.Message}\n{survivor.Name}:\n{survivor.Output}");
        var items = await cluster.ItemsAsync(job.Id);
        Assert.All(items, i => Assert.Equal(RunStatus.Completed, i.Status));
        // The drained item went back to the queue and the other worker finished it.
        Assert.Contains(items, i => i.Attempts == 2 && i.Owner == survivor.Name);
        var patches = (await ExtractionSnapshot.OfAsync(cluster.Db, done.RunId!.Value)).Patches;
        Assert.Equal(patches.Count, patches.Distinct().Count());
    }

    [SkippableFact]
    public async Task AWorkerKilledMidEvaluationLosesNothingAndTheResultEqualsAnUninterruptedEvaluation()
    {
        await using var cluster = await ClusterBed.StartAsync(postgres, dataset.NewDataDirectory(), dataset.Root);
        await using var first = await WorkerProcess.StartAsync("proc-a", "cpu,gpu", cluster.WorkerSettings, cluster.Storage);
        await using var second = await WorkerProcess.StartAsync("proc-b", "cpu,gpu", cluster.WorkerSettings, cluster.Storage);
        var (datasetId, slideIds) = await cluster.Web.RegisterDatasetAsync(dataset.Folder);
        var extraction = await cluster.Web.WaitForFinalAsync((await cluster.Web.PostJobAsync("extraction", Extraction(datasetId))).Id, Patience);
        Assert.True(extraction.Status == RunStatus.Completed, $"extraction {extraction.Status}: {extraction.Message}");
        var training = await cluster.Web.WaitForFinalAsync(
            (await cluster.Web.PostJobAsync("training", new TrainingJobParameters(extraction.RunId!.Value, "tiny", Epochs: 1))).Id, Patience);
        Assert.True(training.Status == RunStatus.Completed, $"training {training.Status}: {training.Message}");
        var parameters = new EvaluationJobParameters(training.RunId!.Value, datasetId, slideIds);
        var uninterrupted = await cluster.Web.WaitForFinalAsync((await cluster.Web.PostJobAsync("evaluation", parameters)).Id, Patience);
        Assert.True(uninterrupted.Status == RunStatus.Completed, $"evaluation {uninterrupted.Status}: {uninterrupted.Message}");

        var job = await cluster.Web.PostJobAsync("evaluation", parameters);
        var owner = await WaitForScoredSlideAsync(cluster, job.Id);
        var (victim, survivor) = owner == first.Name ? (first, second) : (second, first);
        await victim.KillAsync();
        Assert.True((await cluster.ItemsAsync(job.Id)).Any(i => i.Status == RunStatus.Running && i.Owner == victim.Name),
            "the evaluation's item ended before the kill: the slides are too small for this machine");
        var done = await cluster.Web.WaitForFinalAsync(job.Id, Patience);

        Assert.True(done.Status == RunStatus.Completed, $"{done.Status}: {done.Message}\n{survivor.Name}:\n{survivor.Output}");
        Assert.Contains(await cluster.ItemsAsync(job.Id), i => i.Owner == survivor.Name && i.Attempts == 2);
        Assert.Equal(await EvaluationResultAsync(cluster, uninterrupted.RunId!.Value), await EvaluationResultAsync(cluster, done.RunId!.Value));
    }

    [SkippableFact]
    public async Task AWorkerThatDoesNotSeeTheWebNodesDataDirectoryRefusesToStartAndSaysWhy()
    {
        await using var cluster = await ClusterBed.StartAsync(postgres, dataset.NewDataDirectory(), dataset.Root);
        using var elsewhere = new TempDirectory("tumorweb-not-shared-");
        var settings = new Dictionary<string, string>(cluster.WorkerSettings) { ["TumorWeb:DataDirectory"] = elsewhere.Path };

        var result = await CliRunner.RunAsync(["worker", "--queues", "cpu", .. settings.Select(s => $"--{s.Key}={s.Value}")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{elsewhere.Path} is not the cluster's shared data directory: it has no .tumorweb-cluster marker", result.Stderr);
        Assert.True(File.Exists(Path.Combine(cluster.DataDirectory, Features.Cluster.Signals.DataDirectoryMarker.FileName)));
    }

    [Fact]
    public async Task AWorkerWithoutAClusterDatabaseRefusesToStart()
    {
        var result = await CliRunner.RunAsync("worker", "--queues", "cpu");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(WorkerHost.MissingDatabase, result.Stderr);
    }

    [Fact]
    public async Task AWorkerAskedForAnUnknownQueueSaysWhichQueuesThereAre()
    {
        var result = await CliRunner.RunAsync("worker", "--queues", "cpu,tpu", "--TumorWeb:Cluster:PostgreSql=Host=127.0.0.1;Port=1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unknown queue \"tpu\": the queues are cpu and gpu", result.Stderr);
    }

    /// <summary>The worker that runs the evaluation's item, once it has scored a slide: a kill then lands in the middle of the work.</summary>
    private static async Task<string> WaitForScoredSlideAsync(ClusterBed cluster, int jobId)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            await using (var db = await cluster.Db.CreateDbContextAsync())
            {
                var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
                var running = await db.JobItems.AsNoTracking().Where(i => i.JobId == jobId && i.Status == RunStatus.Running).ToListAsync();
                Assert.True(job.Status is RunStatus.Queued or RunStatus.Running, $"the evaluation ended {job.Status} before a slide was scored");
                if (running.Count > 0 && job.EvaluationRunId is { } runId
                    && await db.EvaluationSlides.AnyAsync(s => s.EvaluationRunId == runId && s.Status == SlideStatus.Completed))
                    return running[0].Owner!;
            }
            Assert.True(DateTime.UtcNow < deadline, $"no slide of job {jobId} was scored within {Patience}");
            await Task.Delay(50);
        }
    }

    /// <summary>Each slide's status and AUCs and the run's slide AUC and FROC, in a form two runs can be compared by.</summary>
    private static async Task<List<string>> EvaluationResultAsync(ClusterBed cluster, int runId)
    {
        await using var db = await cluster.Db.CreateDbContextAsync();
        var run = await db.EvaluationRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
        var slides = await db.EvaluationSlides.AsNoTracking().Where(s => s.EvaluationRunId == runId).ToListAsync();
        return slides.Select(s => $"{s.Name} {s.Status} auc {s.Auc:R} tissue {s.AucTissue:R} max {s.MaxScore:R} tumor {s.TumorCells}")
            .Order(StringComparer.Ordinal).Append($"run {run.Status} slideAuc {run.SlideAuc:R} froc {run.FrocScore:R}").ToList();
    }

    /// <summary>The worker that runs one of the job's slides, once patches are saved: a kill then lands in the middle of the work.</summary>
    private static async Task<string> WaitForSavedPatchesAsync(ClusterBed cluster, int jobId)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            await using (var db = await cluster.Db.CreateDbContextAsync())
            {
                var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
                Assert.True(job.Status is RunStatus.Queued or RunStatus.Running, $"the job ended {job.Status} before any patch was seen");
                var running = await db.JobItems.AsNoTracking()
                    .Where(i => i.JobId == jobId && i.Stage == JobItemStage.Slide && i.Status == RunStatus.Running).ToListAsync();
                if (running.Count > 0 && job.ExtractionRunId is { } runId && await db.Patches.AnyAsync(p => p.ExtractionRunId == runId))
                    return running[0].Owner!;
            }
            Assert.True(DateTime.UtcNow < deadline, $"no patch of job {jobId} was saved within {Patience}");
            await Task.Delay(50);
        }
    }
}
