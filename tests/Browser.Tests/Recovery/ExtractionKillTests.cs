using System.Diagnostics;
using Xunit.Abstractions;

namespace TumorWeb.Browser.Tests.Recovery;

/// <summary>
/// The app is killed (SIGKILL) while an extraction writes patches, started again on the same data
/// folder, and the interrupted job resumed: the catalog ends exactly as an uninterrupted extraction
/// of the same dataset and seed, with no patch lost or written twice.
/// </summary>
[Collection(RecoveryLab.Collection)]
public sealed class ExtractionKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task KilledExtractionResumesToTheSamePatchesAsAnUninterruptedOne()
    {
        var clock = Stopwatch.StartNew();
        await using var lab = await RecoveryLab.StartAsync("kill-extraction", slides: 4, size: "8192x8192");
        var datasetId = await lab.RegisterSlidesAsync();
        var parameters = new { datasetId, tumorSlideThreshold = 10, seed = 3 };

        var jobId = await lab.StartJobAsync("extraction", parameters);
        await lab.WaitUntilRunningWithProgressAsync(jobId, async job =>
            job["runId"] is not null && (await PatchesAsync(lab, (int)job["runId"]!)).Count > 0);
        var before = await PatchesAsync(lab, (int)(await lab.JobAsync(jobId))["runId"]!);
        output.WriteLine($"killed with {before.Count} patches catalogued after {clock.Elapsed.TotalSeconds:F0} s");
        await lab.CrashAndRestartAsync();

        var interrupted = await lab.JobAsync(jobId);
        Assert.Equal("Interrupted", (string)interrupted["status"]!);
        var runId = (int)interrupted["runId"]!;
        Assert.Equal("Interrupted", (string)(await lab.GetAsync($"/api/extractions/{runId}"))["run"]!["status"]!);
        Assert.True((await PatchesAsync(lab, runId)).Count >= before.Count, "no catalogued patch is lost by the crash");

        await lab.PostAsync($"/api/jobs/{jobId}/resume", new { });
        await lab.WaitForCompletedAsync(jobId);
        var resumed = await PatchesAsync(lab, runId);
        Assert.Equal(resumed.Count, resumed.Distinct().Count());
        Assert.Equal(await ExtractedSumAsync(lab, runId), resumed.Count);
        Assert.Equal("Completed", (string)(await lab.GetAsync($"/api/extractions/{runId}"))["run"]!["status"]!);

        var referenceJob = await lab.StartJobAsync("extraction", parameters);
        var referenceRun = (int)(await lab.WaitForCompletedAsync(referenceJob))["runId"]!;
        var reference = await PatchesAsync(lab, referenceRun);
        Assert.True(resumed.Count > before.Count, "the resumed job extracted the rest");
        Assert.Equal(reference.Order(), resumed.Order());

        Assert.Equal("ok", await lab.StopAndCheckIntegrityAsync());
        output.WriteLine($"{resumed.Count} patches, same as uninterrupted; {clock.Elapsed.TotalSeconds:F0} s");
    }

    private static async Task<List<string>> PatchesAsync(RecoveryLab lab, int runId) =>
        (await lab.QueryAsync($"""
            SELECT s.Name, p.X, p.Y, p.Label FROM Patches p JOIN RunSlides s ON s.Id = p.RunSlideId WHERE p.ExtractionRunId = {runId}
            """)).Select(r => $"{r[0]} {r[1]} {r[2]} {r[3]}").ToList();

    private static async Task<int> ExtractedSumAsync(RecoveryLab lab, int runId) =>
        (await lab.GetAsync($"/api/extractions/{runId}"))["slides"]!.AsArray()
            .Sum(s => (int)s!["tumorExtracted"]! + (int)s["normalExtracted"]!);
}
