using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Extraction;
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

    /// <summary>Every tumour cell and as many normal ones: slides with many small batches to stop a worker in the middle of.</summary>
    private static ExtractionJobParameters Extraction(int datasetId) => new(datasetId, Seed: 4, TumorFraction: 1, NormalPerTumor: 1, TumorSlideThreshold: 5);

    /// <summary>Patches a worker stores at a time here: a slide's item is many checkpoints long.</summary>
    private const int BatchSize = 2;

    private static Task<WorkerProcess> StartWorkerAsync(ClusterBed cluster, string name, string queues) =>
        WorkerProcess.StartAsync(name, queues,
            new Dictionary<string, string>(cluster.WorkerSettings) { ["TumorWeb:ExtractionBatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            cluster.Storage);

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
        await using var first = await StartWorkerAsync(cluster, "proc-a", "cpu");
        await using var second = await StartWorkerAsync(cluster, "proc-b", "cpu");
        var (clusterDatasetId, _) = await cluster.Web.RegisterDatasetAsync(dataset.Folder);
        var job = await cluster.Web.PostJobAsync("extraction", Extraction(clusterDatasetId));

        var (victim, cutItem) = await StopMidSlideAsync(cluster, job.Id, [first, second], remaining: BatchSize);
        var survivor = victim == first ? second : first;
        await victim.KillAsync();
        var cut = new[] { cutItem.Id };
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
        await using var first = await StartWorkerAsync(cluster, "proc-a", "cpu");
        await using var second = await StartWorkerAsync(cluster, "proc-b", "cpu");
        var (datasetId, _) = await cluster.Web.RegisterDatasetAsync(dataset.Folder);
        var job = await cluster.Web.PostJobAsync("extraction", Extraction(datasetId));

        // Many batches left: the worker sees the shutdown at a batch's end well before the slide's last.
        var (drained, _) = await StopMidSlideAsync(cluster, job.Id, [first, second], remaining: 10 * BatchSize);
        var survivor = drained == first ? second : first;
        var exitCode = await drained.TerminateAsync(TimeSpan.FromSeconds(60));
        var done = await cluster.Web.WaitForFinalAsync(job.Id, Patience);

        Assert.Equal(0, exitCode);
        // Hangfire's own lines (its server starting and stopping) are in the worker's log with the app's.
        Assert.Contains("Hangfire.Server.BackgroundServerProcess", drained.Output);
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
        await using var first = await StartWorkerAsync(cluster, "proc-a", "cpu,gpu");
        await using var second = await StartWorkerAsync(cluster, "proc-b", "cpu,gpu");
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
        var (victim, _) = await StopMidItemAsync(cluster, job.Id, [first, second], ScoredASlideAsync);
        var survivor = victim == first ? second : first;
        await victim.KillAsync();
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

    /// <summary>Each slide's status and AUCs and the run's slide AUC and FROC, in a form two runs can be compared by.</summary>
    private static async Task<List<string>> EvaluationResultAsync(ClusterBed cluster, int runId)
    {
        await using var db = await cluster.Db.CreateDbContextAsync();
        var run = await db.EvaluationRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
        var slides = await db.EvaluationSlides.AsNoTracking().Where(s => s.EvaluationRunId == runId).ToListAsync();
        return slides.Select(s => $"{s.Name} {s.Status} auc {s.Auc:R} tissue {s.AucTissue:R} max {s.MaxScore:R} tumor {s.TumorCells}")
            .Order(StringComparer.Ordinal).Append($"run {run.Status} slideAuc {run.SlideAuc:R} froc {run.FrocScore:R}").ToList();
    }

    /// <summary>
    /// Stops (SIGSTOP) the worker running one of the job's slide items once <paramref name="midway"/> holds for
    /// it, then checks again while the worker stands still: a signal sent next lands in the middle of that item
    /// however fast this machine is. Returns the stopped worker and its item.
    /// </summary>
    private static async Task<(WorkerProcess Worker, JobItem Item)> StopMidItemAsync(ClusterBed cluster, int jobId,
        IReadOnlyList<WorkerProcess> workers, Func<TumorWebDbContext, Job, JobItem, Task<bool>> midway)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await RunningMidwayAsync(cluster, jobId, midway, null) is { } item)
            {
                var worker = workers.Single(w => w.Name == item.Owner);
                worker.Pause();
                if (await RunningMidwayAsync(cluster, jobId, midway, item.Id) is not null) return (worker, item);
                worker.Continue();
            }
            Assert.True(DateTime.UtcNow < deadline, $"no slide item of job {jobId} was seen midway within {Patience}");
            await Task.Delay(20);
        }
    }

    private static async Task<JobItem?> RunningMidwayAsync(ClusterBed cluster, int jobId, Func<TumorWebDbContext, Job, JobItem, Task<bool>> midway, int? itemId)
    {
        await using var db = await cluster.Db.CreateDbContextAsync();
        var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
        Assert.True(job.Status is RunStatus.Queued or RunStatus.Running, $"job {jobId} ended {job.Status} before a slide item was seen midway");
        var running = await db.JobItems.AsNoTracking()
            .Where(i => i.JobId == jobId && i.Stage == JobItemStage.Slide && i.Status == RunStatus.Running && (itemId == null || i.Id == itemId)).ToListAsync();
        foreach (var item in running)
            if (await midway(db, job, item)) return item;
        return null;
    }

    /// <summary>An extraction's slide with patches saved and at least <paramref name="remaining"/> of its planned patches still to go.</summary>
    private static Task<(WorkerProcess Worker, JobItem Item)> StopMidSlideAsync(ClusterBed cluster, int jobId, IReadOnlyList<WorkerProcess> workers, int remaining) =>
        StopMidItemAsync(cluster, jobId, workers, async (db, job, item) =>
        {
            if (job.ExtractionRunId is not { } runId) return false;
            var run = await db.ExtractionRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
            var planned = SamplingPlanFile.Read(run.OutputDirectory).Slides[item.Key].Count;
            var saved = await db.Patches.CountAsync(p => p.ExtractionRunId == runId && p.RunSlide!.Name == item.Key);
            return saved > 0 && saved <= planned - remaining;
        });

    /// <summary>An evaluation that has scored one slide already and is scoring another.</summary>
    private static async Task<bool> ScoredASlideAsync(TumorWebDbContext db, Job job, JobItem item) =>
        job.EvaluationRunId is { } runId && await db.EvaluationSlides.AnyAsync(s => s.EvaluationRunId == runId && s.Status == SlideStatus.Completed);
}
