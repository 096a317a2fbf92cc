#:package Microsoft.AspNetCore.SignalR.Client
#:property PublishAot=false
// Progress benchmark (issue 4, "Benchmark"): the delay from a job's progress event to its arrival
// at a SignalR client of the running app's hub /hubs/runs (method "run"). For each number of hub
// clients given, it connects that many WebSocket clients, starts an extraction job on the dataset
// and then a tiny training job on the extraction run it produced, and for every event each client
// receives records delay = receive time - event.at (the server stamps `at` when the job publishes;
// client and server share the machine clock). Writes a markdown table to the output file.
// Usage: dotnet run -c Release bench/progress/ProgressBench.cs -- <base-url> <dataset-folder> <out.md> [clients=1,5] [epochs=2]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

var baseUrl = new Uri(args[0]);
var datasetFolder = args[1];
var output = args[2];
var clientCounts = (args.Length > 3 ? args[3] : "1,5").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
var epochs = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 2;

using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
// Signed in as a script is: the admin's API token that bench/lib/app.sh made with the CLI; the hub takes it too.
var token = Environment.GetEnvironmentVariable("TUMORWEB_TOKEN") ?? throw new InvalidOperationException("TUMORWEB_TOKEN is not set; run bench/progress/run.sh");
http.DefaultRequestHeaders.Authorization = new("Bearer", token);
var datasetId = await Api.RegisterAndWaitForSlides(http, datasetFolder);

var rows = new List<Row>();
foreach (var clients in clientCounts)
{
    var extraction = await Measure(clients, "extraction", async () =>
        await Api.StartJob(http, "api/jobs/extraction", new { datasetId, tumorSlideThreshold = 10 }));
    var extractionRunId = await Api.RunIdOf(http, extraction.JobId);
    var training = await Measure(clients, "training", async () =>
        await Api.StartJob(http, "api/jobs/training", new { extractionRunId, preset = "tiny", epochs }));
    rows.Add(extraction.Row);
    rows.Add(training.Row);
}

var table = Report.Table(rows);
Console.WriteLine(table);
await File.AppendAllTextAsync(output, table + Environment.NewLine);
return rows.All(r => r.Status == "Completed") ? 0 : 1;

async Task<(int JobId, Row Row)> Measure(int clients, string kind, Func<Task<int>> startJob)
{
    await using var hub = await HubClients.Connect(baseUrl, clients);
    var loadBefore = LoadAverage.Read();
    var jobId = await startJob();
    Console.WriteLine($"{kind} job {jobId}, {clients} client(s)");
    var status = await hub.WaitForEnd(jobId, TimeSpan.FromMinutes(20));
    var loadAfter = LoadAverage.Read();
    var received = hub.EventsOf(jobId);
    return (jobId, Report.Row(kind, clients, status, received, loadBefore, loadAfter));
}

/// <summary>One event as one client got it: the server's publish time and the client's receive time.</summary>
sealed record Arrival(int Client, int JobId, string Status, DateTimeOffset At, DateTimeOffset ReceivedAt)
{
    public double DelayMs => (ReceivedAt - At).TotalMilliseconds;
}

/// <summary>The hub's "run" payload, as far as the benchmark reads it (enums arrive as names).</summary>
sealed record RunEvent(int JobId, string Kind, string Status, double Progress, string? Message, int? RunId, DateTimeOffset At);

sealed record Row(string Kind, int Clients, string Status, int Events, double JobSeconds, double EventsPerSecond,
    double P50, double P95, double P99, double Max, string LoadBefore, string LoadAfter);

/// <summary>N hub connections that record every event they receive.</summary>
sealed class HubClients : IAsyncDisposable
{
    private static readonly string[] FinalStatuses = ["Completed", "Failed", "Cancelled", "Interrupted"];
    private readonly List<HubConnection> _connections = [];
    private readonly List<Arrival> _arrivals = [];
    private readonly Lock _gate = new();

    public static async Task<HubClients> Connect(Uri baseUrl, int count)
    {
        var clients = new HubClients();
        for (var i = 0; i < count; i++)
        {
            var client = i;
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(baseUrl, "hubs/runs"), HttpTransportType.WebSockets, o =>
                {
                    o.SkipNegotiation = true;
                    o.AccessTokenProvider = () => Task.FromResult(Environment.GetEnvironmentVariable("TUMORWEB_TOKEN"));
                })
                .Build();
            connection.On<RunEvent>("run", e =>
            {
                var receivedAt = DateTimeOffset.UtcNow;
                lock (clients._gate) clients._arrivals.Add(new Arrival(client, e.JobId, e.Status, e.At, receivedAt));
            });
            await connection.StartAsync();
            clients._connections.Add(connection);
        }
        return clients;
    }

    /// <summary>Waits until every client got the job's final event; returns that status.</summary>
    public async Task<string> WaitForEnd(int jobId, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            lock (_gate)
            {
                var finals = _arrivals.Where(a => a.JobId == jobId && FinalStatuses.Contains(a.Status)).ToList();
                if (finals.Select(a => a.Client).Distinct().Count() == _connections.Count) return finals[0].Status;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"job {jobId} sent no final event to every client within {timeout}");
    }

    public List<Arrival> EventsOf(int jobId)
    {
        lock (_gate) return _arrivals.Where(a => a.JobId == jobId).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync();
    }
}

static class Report
{
    public static Row Row(string kind, int clients, string status, List<Arrival> received, string loadBefore, string loadAfter)
    {
        var delays = received.Select(a => a.DelayMs).Order().ToArray();
        var jobSeconds = (received.Max(a => a.At) - received.Min(a => a.At)).TotalSeconds;
        var perClient = received.Count / (double)clients;
        return new Row(kind, clients, status, received.Count, jobSeconds, jobSeconds > 0 ? perClient / jobSeconds : 0,
            Percentile(delays, 0.50), Percentile(delays, 0.95), Percentile(delays, 0.99), delays[^1], loadBefore, loadAfter);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static string Table(List<Row> rows)
    {
        var text = new StringBuilder()
            .AppendLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores")
            .AppendLine()
            .AppendLine("| job | hub clients | final status | events received (all clients) | job s | events/s per client | p50 ms | p95 ms | p99 ms | max ms | load avg before → after |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Kind} | {r.Clients} | {r.Status} | {r.Events} | {r.JobSeconds:F1} | {r.EventsPerSecond:F2} | {r.P50:F1} | {r.P95:F1} | {r.P99:F1} | {r.Max:F1} | {r.LoadBefore} → {r.LoadAfter} |"));
        return text.ToString();
    }
}

static class LoadAverage
{
    public static string Read() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}

static class Api
{
    public static async Task<int> RegisterAndWaitForSlides(HttpClient http, string folder)
    {
        var response = await http.PostAsJsonAsync("api/datasets", new { folder, name = "progress-bench" });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST /api/datasets: {(int)response.StatusCode} {body}");
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32();
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(5))
        {
            using var dataset = JsonDocument.Parse(await http.GetStringAsync($"api/datasets/{id}"));
            var slides = dataset.RootElement.GetProperty("slides").EnumerateArray().ToList();
            if (slides.Count > 0 && slides.All(IsRead))
            {
                await MarkTumorSlides(http, id, slides);
                return id;
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"the slides of dataset {id} ({folder}) were not read within 5 minutes");
    }

    // The registry guesses roles from tumor cell counts; small synthetic slides fall under its
    // threshold, and an extraction without tumor slides samples nothing. The synth names tell.
    private static async Task MarkTumorSlides(HttpClient http, int datasetId, List<JsonElement> slides)
    {
        foreach (var slide in slides.Where(s => s.GetProperty("name").GetString()!.StartsWith("tumor", StringComparison.Ordinal)))
        {
            var response = await http.PatchAsJsonAsync($"api/datasets/{datasetId}/slides/{slide.GetProperty("id").GetInt32()}", new { role = "Tumor" });
            response.EnsureSuccessStatusCode();
        }
    }

    private static bool IsRead(JsonElement slide) =>
        slide.GetProperty("error").ValueKind == JsonValueKind.String || slide.GetProperty("gridWidth").GetInt32() > 0;

    public static async Task<int> StartJob(HttpClient http, string path, object body)
    {
        var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST /{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt32();
    }

    public static async Task<int> RunIdOf(HttpClient http, int jobId)
    {
        using var job = JsonDocument.Parse(await http.GetStringAsync($"api/jobs/{jobId}"));
        var root = job.RootElement;
        if (root.GetProperty("status").GetString() != "Completed" || root.GetProperty("runId").ValueKind != JsonValueKind.Number)
            throw new InvalidOperationException($"job {jobId} ended {root.GetProperty("status")} without a run: {root.GetProperty("error")}");
        return root.GetProperty("runId").GetInt32();
    }
}
