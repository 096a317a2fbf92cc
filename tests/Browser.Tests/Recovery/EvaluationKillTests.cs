using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace TumorWeb.Browser.Tests.Recovery;

/// <summary>
/// The app is killed (SIGKILL) after an evaluation saved its first slide, started again and the job
/// resumed: every slide ends with exactly one completed row, scored as an uninterrupted evaluation
/// of the same model scores it.
/// </summary>
[Collection(RecoveryLab.Collection)]
public sealed class EvaluationKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task KilledEvaluationResumesWithOneRowPerSlideAndTheSameAucs()
    {
        var clock = Stopwatch.StartNew();
        await using var lab = await RecoveryLab.StartAsync("kill-evaluation", slides: 4, size: "8192x8192");
        var datasetId = await lab.RegisterSlidesAsync();
        var extraction = await lab.StartJobAsync("extraction", new { datasetId, tumorSlideThreshold = 10 });
        var extractionRunId = (int)(await lab.WaitForCompletedAsync(extraction))["runId"]!;
        var training = await lab.StartJobAsync("training", new { extractionRunId, preset = "tiny", epochs = 1 });
        var trainingRunId = (int)(await lab.WaitForCompletedAsync(training))["runId"]!;
        var slideIds = (await lab.GetAsync($"/api/datasets/{datasetId}"))["slides"]!.AsArray().Select(s => (int)s!["id"]!).ToArray();
        var parameters = new { trainingRunId, datasetId, slideIds };

        var jobId = await lab.StartJobAsync("evaluation", parameters);
        await lab.WaitUntilRunningWithProgressAsync(jobId, async job =>
            job["runId"] is not null && (await SlideRowsAsync(lab, (int)job["runId"]!)).Count > 0);
        var before = await SlideRowsAsync(lab, (int)(await lab.JobAsync(jobId))["runId"]!);
        output.WriteLine($"killed with {before.Count} of {slideIds.Length} slides saved after {clock.Elapsed.TotalSeconds:F0} s");
        await lab.CrashAndRestartAsync();

        var interrupted = await lab.JobAsync(jobId);
        Assert.Equal("Interrupted", (string)interrupted["status"]!);
        var runId = (int)interrupted["runId"]!;
        Assert.Equal("Interrupted", (string)(await lab.GetAsync($"/api/evaluations/{runId}"))["run"]!["status"]!);
        Assert.Equal(before.Count, (await SlideRowsAsync(lab, runId)).Count);

        await lab.PostAsync($"/api/jobs/{jobId}/resume", new { });
        await lab.WaitForCompletedAsync(jobId);
        var resumed = await SlideRowsAsync(lab, runId);
        Assert.Equal(slideIds.Length, resumed.Count);
        Assert.Equal(resumed.Count, resumed.Select(r => r.Name).Distinct().Count());
        Assert.All(resumed, r => Assert.Equal("Completed", r.Status));
        Assert.All(before, b => Assert.Contains(b, resumed));

        var referenceJob = await lab.StartJobAsync("evaluation", parameters);
        var referenceRun = (int)(await lab.WaitForCompletedAsync(referenceJob))["runId"]!;
        Assert.Equal(await SlideRowsAsync(lab, referenceRun), resumed);
        var slideAuc = (double?)(await lab.GetAsync($"/api/evaluations/{runId}"))["run"]!["slideAuc"];
        Assert.Equal((double?)(await lab.GetAsync($"/api/evaluations/{referenceRun}"))["run"]!["slideAuc"], slideAuc);

        Assert.Equal("ok", await lab.StopAndCheckIntegrityAsync());
        output.WriteLine($"{resumed.Count} slides, AUCs as uninterrupted ({string.Join(", ", resumed.Select(r => r.Auc))}); {clock.Elapsed.TotalSeconds:F0} s");
    }

    private sealed record SlideRow(string Name, string Status, string Auc, string MaxScore);

    private static async Task<List<SlideRow>> SlideRowsAsync(RecoveryLab lab, int runId) =>
        (await lab.QueryAsync($"SELECT Name, Status, Auc, MaxScore FROM EvaluationSlides WHERE EvaluationRunId = {runId} ORDER BY Name"))
            .Select(r => new SlideRow((string)r[0], (string)r[1], Text(r[2]), Text(r[3]))).ToList();

    private static string Text(object value) => value is DBNull ? "null" : Convert.ToDouble(value).ToString("R", CultureInfo.InvariantCulture);
}
