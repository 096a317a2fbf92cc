using System.Diagnostics;
using Xunit.Abstractions;

namespace TumorWeb.Browser.Tests.Recovery;

/// <summary>
/// The app is killed (SIGKILL) during the second epoch of a training run, after the first epoch's
/// checkpoint (five slides, so one is a validation slide), started again and the job resumed: the curve has every epoch once, no metric point
/// twice and its steps only go forward.
/// </summary>
[Collection(RecoveryLab.Collection)]
public sealed class TrainingKillTests(ITestOutputHelper output)
{
    private const int Epochs = 4;

    [Fact]
    public async Task KilledTrainingResumesFromItsCheckpointWithoutDuplicateMetrics()
    {
        var clock = Stopwatch.StartNew();
        await using var lab = await RecoveryLab.StartAsync("kill-training", slides: 5, size: "8192x8192");
        var datasetId = await lab.RegisterSlidesAsync();
        var extraction = await lab.StartJobAsync("extraction", new { datasetId, tumorSlideThreshold = 10 });
        var extractionRunId = (int)(await lab.WaitForCompletedAsync(extraction))["runId"]!;

        var jobId = await lab.StartJobAsync("training", new { extractionRunId, preset = "tiny", epochs = Epochs, batchSize = 16 });
        await lab.WaitUntilRunningWithProgressAsync(jobId, async job =>
            job["runId"] is not null && await MetricsAsync(lab, (int)job["runId"]!) is var points
            && points.Any(m => m.Phase == "validation") && points.Any(m => m.Phase == "train" && m.Epoch >= 2));
        var before = await MetricsAsync(lab, (int)(await lab.JobAsync(jobId))["runId"]!);
        output.WriteLine($"killed with {before.Count} metric points (last epoch {before.Max(m => m.Epoch)}) after {clock.Elapsed.TotalSeconds:F0} s");
        await lab.CrashAndRestartAsync();

        var interrupted = await lab.JobAsync(jobId);
        Assert.Equal("Interrupted", (string)interrupted["status"]!);
        var runId = (int)interrupted["runId"]!;
        Assert.Equal("Interrupted", (string)(await lab.GetAsync($"/api/training/{runId}"))["run"]!["status"]!);
        Assert.Contains(await MetricsAsync(lab, runId), m => m.Phase == "validation" && m.Epoch == 1);

        await lab.PostAsync($"/api/jobs/{jobId}/resume", new { });
        await lab.WaitForCompletedAsync(jobId);
        Assert.Equal("Completed", (string)(await lab.GetAsync($"/api/training/{runId}"))["run"]!["status"]!);

        var metrics = await MetricsAsync(lab, runId);
        Assert.Equal(metrics.Count, metrics.Select(m => (m.Phase, m.Step)).Distinct().Count());
        foreach (var phase in new[] { "train", "validation" })
        {
            var steps = metrics.Where(m => m.Phase == phase).Select(m => m.Step).ToList();
            Assert.True(steps.Zip(steps.Skip(1)).All(p => p.Second > p.First), $"{phase} steps in the order saved: {string.Join(",", steps)}");
        }
        Assert.Equal(Enumerable.Range(1, Epochs), metrics.Where(m => m.Phase == "validation").Select(m => m.Epoch));
        Assert.Equal(Enumerable.Range(1, Epochs), metrics.Where(m => m.Phase == "train").Select(m => m.Epoch).Distinct());

        Assert.Equal("ok", await lab.StopAndCheckIntegrityAsync());
        output.WriteLine($"{metrics.Count} metric points over {Epochs} epochs; {clock.Elapsed.TotalSeconds:F0} s");
    }

    private sealed record Point(string Phase, int Epoch, long Step);

    /// <summary>The run's curve in the order the rows were saved (the API sorts by step, which would hide a step going back).</summary>
    private static async Task<List<Point>> MetricsAsync(RecoveryLab lab, int runId) =>
        (await lab.QueryAsync($"SELECT Phase, Epoch, Step FROM TrainingMetrics WHERE TrainingRunId = {runId} ORDER BY Id"))
            .Select(r => new Point(((string)r[0]).ToLowerInvariant(), Convert.ToInt32(r[1]), Convert.ToInt64(r[2]))).ToList();
}
