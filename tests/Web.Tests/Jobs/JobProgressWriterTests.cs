using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TumorWeb.Data;
using Microsoft.Extensions.Logging.Abstractions;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Cluster.Engine;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Jobs.Notifications;

namespace TumorWeb.Web.Tests.Jobs;

/// <summary>What the progress writer saves on a running job's row when a later report is behind an earlier one.</summary>
public sealed class JobProgressWriterTests : IDisposable
{
    private readonly TempDirectory _data = new("tumorweb-progress-writer-");

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task InEmbeddedModeTheSavedBarFollowsTheJobsOneReporter() =>
        Assert.Equal((0.4, "slide 2/8 · normal_001 · extract 1/9"), await SavedAfterTwoReportsAsync(clusterNode: null));

    [Fact]
    public async Task InAClusterTheSavedBarKeepsTheFurthestOfTheNodesReportsAndTheLatestMessage() =>
        Assert.Equal((0.5, "slide 2/8 · normal_001 · extract 1/9"), await SavedAfterTwoReportsAsync(new ClusterNode("node-a", [ClusterNode.Cpu], 1)));

    /// <summary>Reports 0.5 and then 0.4 (as a second node that began its item earlier would) and returns the row's progress and message.</summary>
    private async Task<(double, string?)> SavedAfterTwoReportsAsync(ClusterNode? clusterNode)
    {
        var db = new PooledDbContextFactory<TumorWebDbContext>(TumorWebDbContextOptions.Create($"Data Source={Path.Combine(_data.Path, "tumorweb.db")};Pooling=False"));
        int jobId;
        await using (var context = await db.CreateDbContextAsync())
        {
            await context.Database.MigrateAsync();
            var job = new Job { Kind = JobKind.Extraction, Title = "progress", Status = RunStatus.Running, CreatedAt = DateTimeOffset.UtcNow };
            context.Jobs.Add(job);
            await context.SaveChangesAsync();
            jobId = job.Id;
        }
        using var notifier = new RunNotifier(TimeProvider.System, NullLogger<RunNotifier>.Instance);
        using var writer = new JobProgressWriter(notifier, db, TimeProvider.System, NullLogger<JobProgressWriter>.Instance, clusterNode);
        await writer.StartAsync(CancellationToken.None);

        await ReportAndWaitUntilSavedAsync(db, notifier, jobId, 0.5, "slide 5/8 · tumor_003 · extract 20/40");
        await ReportAndWaitUntilSavedAsync(db, notifier, jobId, 0.4, "slide 2/8 · normal_001 · extract 1/9");
        await writer.StopAsync(CancellationToken.None);

        await using var check = await db.CreateDbContextAsync();
        var row = await check.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
        return (row.Progress, row.Message);
    }

    private static async Task ReportAndWaitUntilSavedAsync(IDbContextFactory<TumorWebDbContext> dbFactory, RunNotifier notifier, int jobId, double progress, string message)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            // Again each time: the writer subscribes on a background thread once started, so a first report may come before it listens.
            notifier.Publish(new RunEvent(jobId, JobKind.Extraction, RunStatus.Running, progress, message, null, null, DateTimeOffset.UtcNow));
            await using (var db = await dbFactory.CreateDbContextAsync())
                if (await db.Jobs.AnyAsync(j => j.Id == jobId && j.Message == message)) return;
            Assert.True(DateTime.UtcNow < deadline, $"\"{message}\" was not saved within 30 s");
            await Task.Delay(100);
        }
    }
}
