using System.Diagnostics;
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
        string[] cluster = [$"--TumorWeb:Cluster:PostgreSql={database}", $"--TumorWeb:DataDirectory={data}"];
        await using var web = await AppProcess.StartAsync(data, Path.Combine(BrowserSession.ArtifactDirectory, "cluster-web.log"),
            [.. cluster, "--TumorWeb:Cluster:RunJobs=false", "--TumorWeb:Demo:Slides=3", "--TumorWeb:Demo:Side=4096", "--TumorWeb:Demo:NormalSlides=1"]);
        using var worker = StartWorker(Path.Combine(BrowserSession.ArtifactDirectory, "cluster-worker.log"), cluster);
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
        finally
        {
            worker.Kill(entireProcessTree: true);
        }
        var workerLog = await File.ReadAllTextAsync(Path.Combine(BrowserSession.ArtifactDirectory, "cluster-worker.log"));
        Assert.Matches(@"of job \d+ Extraction claimed by browser-worker", workerLog);
    }

    /// <summary>A worker serving both queues, after the web node has marked the shared data directory.</summary>
    private static Process StartWorker(string logFile, string[] settings)
    {
        File.Delete(logFile);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = TestPaths.RepositoryRoot };
        foreach (var arg in new[] { AppProcess.AppBinary(), "worker", "--queues", "cpu,gpu", "--name", "browser-worker" }.Concat(settings))
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        var log = new StreamWriter(logFile) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.Exited += (_, _) => { lock (log) log.Dispose(); };
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
