using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Runs;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Tests.Jobs;
using TumorWeb.Web.Tests.Accounts;

namespace TumorWeb.Web.Tests.Failures;

/// <summary>
/// A job whose output folder cannot be made (a regular file sits where runs/&lt;kind&gt;-&lt;id&gt; goes; tests run
/// as root, so permissions would not stop a write) fails with the folder and the problem in its error, leaves
/// no run claiming success or still running, keeps the database intact, and completes once resumed.
/// </summary>
public sealed class UnwritableOutputTests(SyntheticDataset dataset) : IClassFixture<SyntheticDataset>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task EachJobKindFailsClearlyOnABlockedOutputFolderAndCompletesWhenResumedAfterItIsCleared()
    {
        await using var app = new TestApp(dataset.NewDataDirectory());
        var (datasetId, slideIds) = await app.RegisterDatasetAsync(dataset.Folder);
        var good = await app.WaitForFinalAsync((await app.PostJobAsync("extraction", new ExtractionJobParameters(datasetId, TumorSlideThreshold: 5))).Id, Patience);
        Assert.Equal(RunStatus.Completed, good.Status);
        var before = await SnapshotAsync(app);

        // Job ids are sequential in a fresh database, so the next job's folder is known before it is posted.
        var extraction = await FailThenResumeAsync(app, "extraction", good.Id + 1, new ExtractionJobParameters(datasetId, Seed: 3, TumorSlideThreshold: 5));
        var training = await FailThenResumeAsync(app, "training", extraction.Id + 1, new TrainingJobParameters(good.RunId!.Value, "tiny", Epochs: 1));
        await FailThenResumeAsync(app, "evaluation", training.Id + 1, new EvaluationJobParameters(training.RunId!.Value, datasetId, slideIds));

        await using var db = await app.Db.CreateDbContextAsync();
        var goodRun = await db.ExtractionRuns.AsNoTracking().SingleAsync(r => r.Id == good.RunId);
        Assert.Equal(before, (goodRun.Status, goodRun.CompletedAt, await db.Patches.CountAsync(p => p.ExtractionRunId == good.RunId)));
        Assert.Equal(1, await db.TrainingRuns.CountAsync());
        Assert.Equal(1, await db.EvaluationRuns.CountAsync());
    }

    [Fact]
    public async Task ExtractionOnAFullDiskFailsNamingTheFileAndKeepsNoPatchRowWithoutPixels()
    {
        await using var app = new TestApp(dataset.NewDataDirectory());
        var (datasetId, _) = await app.RegisterDatasetAsync(dataset.Folder);
        // The first job of a fresh database is job 1; its first shard lands on a full disk.
        var folder = Directory.CreateDirectory(Path.Combine(app.DataDirectory, "runs", "extraction-1")).FullName;
        var shard = Path.Combine(folder, "patches-000.pack");
        File.CreateSymbolicLink(shard, "/dev/full");

        var failed = await app.WaitForFinalAsync((await app.PostJobAsync("extraction", new ExtractionJobParameters(datasetId, TumorSlideThreshold: 5))).Id, Patience);

        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Contains(shard, failed.Error);
        Assert.Contains("No space left on device", failed.Error);
        Assert.DoesNotContain("could be read", failed.Error);
        Assert.DoesNotContain("One or more errors", failed.Error);
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            var run = await db.ExtractionRuns.SingleAsync();
            Assert.Equal(RunStatus.Failed, run.Status);
            Assert.Equal(0, await db.Patches.CountAsync());
        }
        Assert.Equal("ok", await IntegrityAsync(app));

        File.Delete(shard);
        Assert.True((await app.CreateClientAs().PostAsync($"/api/jobs/{failed.Id}/resume", null)).IsSuccessStatusCode);
        var done = await app.WaitForFinalAsync(failed.Id, Patience);
        Assert.True(done.Status == RunStatus.Completed, $"extraction resumed: {done.Status} {done.Error}");
        await using (var db = await app.Db.CreateDbContextAsync())
            Assert.True(await db.Patches.CountAsync() > 0, "the resumed extraction stored no patch");
    }

    [Fact]
    public async Task TrainingOnAFullDiskFailsNamingTheFileAndLeavesNoRunRunning()
    {
        await using var app = new TestApp(dataset.NewDataDirectory());
        var (datasetId, _) = await app.RegisterDatasetAsync(dataset.Folder);
        var extraction = await app.WaitForFinalAsync((await app.PostJobAsync("extraction", new ExtractionJobParameters(datasetId, TumorSlideThreshold: 5))).Id, Patience);
        // /dev/full accepts the open and refuses every write with ENOSPC: the run's first file lands on a full disk.
        var folder = Directory.CreateDirectory(Path.Combine(app.DataDirectory, "runs", $"training-{extraction.Id + 1}")).FullName;
        var full = Path.Combine(folder, "training.json.tmp");
        File.CreateSymbolicLink(full, "/dev/full");

        var failed = await app.WaitForFinalAsync((await app.PostJobAsync("training", new TrainingJobParameters(extraction.RunId!.Value, "tiny", Epochs: 1))).Id, Patience);

        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Contains(full, failed.Error);
        Assert.Contains("No space left on device", failed.Error);
        await using (var db = await app.Db.CreateDbContextAsync())
            Assert.All(await db.TrainingRuns.ToListAsync(), r => Assert.Equal(RunStatus.Failed, r.Status));
        Assert.Equal("ok", await IntegrityAsync(app));

        File.Delete(full);
        Assert.True((await app.CreateClientAs().PostAsync($"/api/jobs/{failed.Id}/resume", null)).IsSuccessStatusCode);
        var done = await app.WaitForFinalAsync(failed.Id, Patience);
        Assert.True(done.Status == RunStatus.Completed, $"training resumed: {done.Status} {done.Error}");
        Assert.True(File.Exists(Path.Combine(folder, "training.json")), "the resumed run has no training.json for the CLI");
        await using (var db = await app.Db.CreateDbContextAsync())
            Assert.Equal([(done.RunId!.Value, RunStatus.Completed)], await db.TrainingRuns.Select(r => ValueTuple.Create(r.Id, r.Status)).ToListAsync());
    }

    [Fact]
    public async Task EvaluationOnAFullDiskFailsTheJobInsteadOfCompletingWithoutHeatmaps()
    {
        await using var app = new TestApp(dataset.NewDataDirectory());
        var (datasetId, slideIds) = await app.RegisterDatasetAsync(dataset.Folder);
        var extraction = await app.WaitForFinalAsync((await app.PostJobAsync("extraction", new ExtractionJobParameters(datasetId, TumorSlideThreshold: 5))).Id, Patience);
        var training = await app.WaitForFinalAsync((await app.PostJobAsync("training", new TrainingJobParameters(extraction.RunId!.Value, "tiny", Epochs: 1))).Id, Patience);
        var folder = Path.Combine(app.DataDirectory, "runs", $"evaluation-{training.Id + 1}");
        var blocked = new List<string>();
        foreach (var slide in Directory.GetFiles(dataset.Folder, "*.tif").Where(f => !f.Contains("mask", StringComparison.OrdinalIgnoreCase)))
        {
            var cells = Path.Combine(Directory.CreateDirectory(Path.Combine(folder, Path.GetFileNameWithoutExtension(slide))).FullName, "cells.csv");
            File.CreateSymbolicLink(cells, "/dev/full");
            blocked.Add(cells);
        }

        var failed = await app.WaitForFinalAsync((await app.PostJobAsync("evaluation", new EvaluationJobParameters(training.RunId!.Value, datasetId, slideIds))).Id, Patience);

        Assert.True(failed.Status == RunStatus.Failed, $"evaluation on a full disk: {failed.Status} {failed.Message} {failed.Error}");
        Assert.Contains("No space left on device", failed.Error);
        Assert.Contains(blocked, file => failed.Error!.Contains(file, StringComparison.Ordinal));
        await using (var db = await app.Db.CreateDbContextAsync())
            Assert.Equal(RunStatus.Failed, (await db.EvaluationRuns.SingleAsync()).Status);
        Assert.Equal("ok", await IntegrityAsync(app));

        blocked.ForEach(File.Delete);
        Assert.True((await app.CreateClientAs().PostAsync($"/api/jobs/{failed.Id}/resume", null)).IsSuccessStatusCode);
        var done = await app.WaitForFinalAsync(failed.Id, Patience);
        Assert.True(done.Status == RunStatus.Completed, $"evaluation resumed: {done.Status} {done.Error}");
        var result = await app.GetAsync<EvaluationDetailView>($"/api/evaluations/{done.RunId}");
        Assert.All(result.Slides, s => Assert.Equal(SlideStatus.Completed, s.Status));
    }

    private static async Task<JobView> FailThenResumeAsync(TestApp app, string kind, int expectedJobId, object parameters)
    {
        var folder = Path.Combine(app.DataDirectory, "runs", $"{kind}-{expectedJobId}");
        Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        await File.WriteAllTextAsync(folder, "a file where the job's output folder must go");
        var runsBefore = await RunCountsAsync(app);

        var failed = await app.WaitForFinalAsync((await app.PostJobAsync(kind, parameters)).Id, Patience);

        Assert.Equal(expectedJobId, failed.Id);
        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Contains(folder, failed.Error);
        Assert.Contains("not a folder", failed.Error);
        Assert.Equal(runsBefore, await RunCountsAsync(app));
        Assert.Equal("ok", await IntegrityAsync(app));
        var listed = await app.GetAsync<List<JobView>>("/api/jobs");
        Assert.Contains(listed, j => j.Id == failed.Id && j.Status == RunStatus.Failed);

        File.Delete(folder);
        var resume = await app.CreateClientAs().PostAsync($"/api/jobs/{failed.Id}/resume", null);
        Assert.True(resume.IsSuccessStatusCode, $"resume: {(int)resume.StatusCode} {await resume.Content.ReadAsStringAsync()}");
        var done = await app.WaitForFinalAsync(failed.Id, Patience);
        Assert.True(done.Status == RunStatus.Completed, $"{kind} resumed: {done.Status} {done.Error}");
        Assert.True(Directory.Exists(folder), $"{folder} was not made on resume");
        return done;
    }

    /// <summary>Run rows of every kind with their status: a failed start must add none (none half-made, none claiming success).</summary>
    private static async Task<string> RunCountsAsync(TestApp app)
    {
        await using var db = await app.Db.CreateDbContextAsync();
        var extraction = await db.ExtractionRuns.Select(r => r.Id + ":" + r.Status).ToListAsync();
        var training = await db.TrainingRuns.Select(r => r.Id + ":" + r.Status).ToListAsync();
        var evaluation = await db.EvaluationRuns.Select(r => r.Id + ":" + r.Status).ToListAsync();
        return $"extraction [{string.Join(",", extraction)}] training [{string.Join(",", training)}] evaluation [{string.Join(",", evaluation)}]";
    }

    private static async Task<(RunStatus, DateTimeOffset?, int)> SnapshotAsync(TestApp app)
    {
        await using var db = await app.Db.CreateDbContextAsync();
        var run = await db.ExtractionRuns.AsNoTracking().SingleAsync();
        return (run.Status, run.CompletedAt, await db.Patches.CountAsync(p => p.ExtractionRunId == run.Id));
    }

    private static async Task<string> IntegrityAsync(TestApp app)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "tumorweb.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
