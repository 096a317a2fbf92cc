using TumorWeb.Browser.Tests.Pages;

namespace TumorWeb.Browser.Tests;

/// <summary>
/// A cluster of one web node that runs no jobs and one <c>tumorweb worker</c> process on a throwaway
/// PostgreSQL: a browser on the web node starts an extraction and watches it run on the worker, live,
/// through the progress relay (the web node itself never runs it).
/// </summary>
public sealed class ClusterProgressTests
{
    [SkippableFact]
    public async Task ABrowserOnTheWebNodeSeesTheProgressOfAJobThatAWorkerRuns()
    {
        PostgresServer.SkipUnlessInstalled();
        await using var postgres = await PostgresServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync();
        var data = Directory.CreateTempSubdirectory("tumorweb-cluster-browser-").FullName;
        await using var web = await AppProcess.StartAsync(data, Path.Combine(BrowserSession.ArtifactDirectory, "cluster-web.log"),
            [$"--TumorWeb:Cluster:PostgreSql={database}", "--TumorWeb:Cluster:RunJobs=false", "--TumorWeb:Demo:Slides=3", "--TumorWeb:Demo:Side=4096", "--TumorWeb:Demo:NormalSlides=1"]);
        var workerLog = Path.Combine(BrowserSession.ArtifactDirectory, "cluster-worker.log");
        File.Delete(workerLog);
        // Started after the web node, which marks the shared data directory the worker checks.
        await using var worker = await TumorWebProcess.StartWorkerAsync(workerLog,
            new Dictionary<string, string> { ["TumorWeb__Cluster__PostgreSql"] = database, ["TumorWeb__DataDirectory"] = data }, "cpu,gpu", name: "browser-worker");
        await using var browser = await BrowserSession.StartAsync();
        try
        {
            await new SignInPage(browser.Page, web.BaseUrl).SignInAsAdminAsync("datasets");
            var datasets = new DatasetsPage(browser.Page, web.BaseUrl);
            await datasets.OpenAsync();
            await datasets.WaitForReadyAsync("Demo (synthetic)");

            var extractions = new ExtractionsPage(browser.Page, web.BaseUrl);
            await extractions.OpenAsync();
            await extractions.RecordLiveTextsAsync();
            await extractions.StartAsync();
            await extractions.WaitForRunStatusInListAsync("Completed");
            await browser.ScreenshotAsync("cluster-extraction-done");

            // Running and Completed are published only by the worker: the page got them without a reload.
            var seen = await extractions.LiveTextsAsync();
            Assert.Contains("Completed", seen);
            Assert.True(seen.Contains("Running"), "live states seen: " + string.Join(", ", seen));
            Assert.Empty(browser.PolicyViolations);
        }
        catch
        {
            await browser.ScreenshotAsync("cluster-failed");
            throw;
        }
        Assert.Contains(worker.LogLines(), line => System.Text.RegularExpressions.Regex.IsMatch(line, @"of job \d+ Extraction claimed by browser-worker"));
    }
}
