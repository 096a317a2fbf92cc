using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace TumorWeb.Browser.Tests.Recovery;

/// <summary>
/// A data folder with a synthetic dataset and the real app serving it as a child process, plus the
/// JSON API calls the recovery tests make. The app can be killed (SIGKILL) and started again on the
/// same folder.
/// </summary>
public sealed class RecoveryLab : IAsyncDisposable
{
    /// <summary>One at a time: each test starts app processes that train or score on all cores, and its kill must land mid-job.</summary>
    public const string Collection = "recovery";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private RecoveryLab(string dataDirectory, AppProcess app)
    {
        DataDirectory = dataDirectory;
        App = app;
    }

    public string DataDirectory { get; }
    public AppProcess App { get; private set; }
    public string DatabaseFile => Path.Combine(DataDirectory, "tumorweb.db");

    public static async Task<RecoveryLab> StartAsync(string name, int slides, string size)
    {
        var data = Directory.CreateTempSubdirectory($"tumorweb-{name}-").FullName;
        await SynthesizeAsync(Path.Combine(data, "slides"), slides, size);
        var log = Path.Combine(ArtifactDirectory, name + ".log");
        File.Delete(log);
        var app = await AppProcess.StartAsync(data, log, "--TumorWeb:DemoDataset=false", $"--TumorWeb:DataRoots:0={data}");
        var lab = new RecoveryLab(data, app);
        lab.http.DefaultRequestHeaders.Authorization = new("Bearer", await app.CreateTokenAsync());
        return lab;
    }

    public static string ArtifactDirectory { get; } =
        Directory.CreateDirectory(Path.Combine(TestPaths.RepositoryRoot, "tests", "Browser.Tests", "TestResults", "recovery")).FullName;

    /// <summary>SIGKILL the app and start a new process on the same data folder.</summary>
    public async Task CrashAndRestartAsync()
    {
        await App.KillAsync();
        await App.DisposeAsync();
        App = await App.StartAgainAsync();
    }

    public async Task<int> RegisterSlidesAsync()
    {
        var created = await PostAsync("/api/datasets", new { folder = Path.Combine(DataDirectory, "slides"), name = "slides" });
        var id = (int)created["id"]!;
        await WaitForAsync($"dataset {id} read", async () =>
        {
            var slides = (await GetAsync($"/api/datasets/{id}"))["slides"]!.AsArray();
            return slides.Count > 0 && slides.All(s => (int)s!["levelCount"]! > 0 || s["error"] is not null);
        });
        return id;
    }

    public async Task<JsonNode> PostAsync(string path, object body)
    {
        var response = await http.PostAsJsonAsync(App.BaseUrl + path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public async Task<JsonNode> GetAsync(string path)
    {
        var response = await http.GetAsync(App.BaseUrl + path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public async Task<int> StartJobAsync(string kind, object parameters) => (int)(await PostAsync($"/api/jobs/{kind}", parameters))["id"]!;

    public Task<JsonNode> JobAsync(int jobId) => GetAsync($"/api/jobs/{jobId}");

    /// <summary>Waits until the job is Completed; fails at once when it fails or is cancelled.</summary>
    public async Task<JsonNode> WaitForCompletedAsync(int jobId)
    {
        JsonNode job = null!;
        await WaitForAsync($"job {jobId} completed", async () =>
        {
            job = await JobAsync(jobId);
            var status = (string)job["status"]!;
            Assert.True(status is "Queued" or "Running" or "Completed", $"job {jobId} ended {status}: {job["error"]}");
            return status == "Completed";
        });
        return job;
    }

    /// <summary>Polls until the job runs and <paramref name="madeProgress"/> holds; fails if it finishes first (the kill would come too late).</summary>
    public async Task WaitUntilRunningWithProgressAsync(int jobId, Func<JsonNode, Task<bool>> madeProgress)
    {
        await WaitForAsync($"job {jobId} running with progress", async () =>
        {
            var job = await JobAsync(jobId);
            var status = (string)job["status"]!;
            Assert.True(status is "Queued" or "Running", $"job {jobId} is {status} before the kill: make it slower ({job["error"]})");
            return status == "Running" && await madeProgress(job);
        }, poll: TimeSpan.FromMilliseconds(100));
    }

    public static async Task WaitForAsync(string what, Func<Task<bool>> condition, TimeSpan? poll = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > Patience) throw new TimeoutException($"{what}: not within {Patience.TotalSeconds} s");
            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>Runs one query on the app's database file (WAL: readable while the app writes).</summary>
    public async Task<List<object[]>> QueryAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Stops the app and runs SQLite's own consistency check on the file it leaves.</summary>
    public async Task<string> StopAndCheckIntegrityAsync()
    {
        await App.DisposeAsync();
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var result = (string)(await command.ExecuteScalarAsync())!;
        deleteDataOnDispose = result == "ok";
        return result;
    }

    private static async Task SynthesizeAsync(string folder, int slides, string size)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { AppProcess.AppBinary(), "synth", folder, "--slides", slides.ToString(), "--normal", "1", "--size", size, "--seed", "21" })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"synth failed: {await output}{error}");
    }

    // A failed test leaves its data folder (database, runs, slides) to look into; its log is in ArtifactDirectory.
    private bool deleteDataOnDispose;

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        http.Dispose();
        if (deleteDataOnDispose) Directory.Delete(DataDirectory, recursive: true);
    }
}
