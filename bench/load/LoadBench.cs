#:package Microsoft.AspNetCore.SignalR.Client
#:property PublishAot=false
// Load benchmark (issue 5, "Load"): N concurrent clients browse slides of a running tumorweb app
// (random DZI tiles) and each holds a SignalR connection to /hubs/runs, for a bounded time, while an
// extraction job and then a tiny training job run. Reports tile latency p50/p99, requests/s, errors,
// hub events per client, disconnects and the app's peak RSS; then reruns the same jobs without load
// in the same app (same seeds) and says whether their results are equal.
// Every client signs in first as a browser does (sign-in form with its antiforgery token, session cookie)
// as the Viewer user "viewer"; tiles and the hub use that cookie. The jobs are started with the admin's
// API token (TUMORWEB_TOKEN), as a script would.
// Usage: dotnet run -c Release bench/load/LoadBench.cs -- <base-url> <dataset-folder> <app-pid> <out.md> [seconds=60] [clients=50] [epochs=2]
// Environment: TUMORWEB_TOKEN (admin API token), TUMORWEB_VIEWER_PASSWORD (password of the user "viewer").
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

var baseUrl = new Uri(args[0]);
var datasetFolder = args[1];
var appPid = int.Parse(args[2], CultureInfo.InvariantCulture);
var output = args[3];
var seconds = args.Length > 4 ? double.Parse(args[4], CultureInfo.InvariantCulture) : 60;
var clientCount = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 50;
var epochs = args.Length > 6 ? int.Parse(args[6], CultureInfo.InvariantCulture) : 2;

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 8 })
    { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
http.DefaultRequestHeaders.Authorization = new("Bearer", Environment.GetEnvironmentVariable("TUMORWEB_TOKEN")
    ?? throw new InvalidOperationException("TUMORWEB_TOKEN is not set; run bench/load/run.sh"));
var viewerPassword = Environment.GetEnvironmentVariable("TUMORWEB_VIEWER_PASSWORD")
    ?? throw new InvalidOperationException("TUMORWEB_VIEWER_PASSWORD is not set; run bench/load/run.sh");
var (datasetId, slideIds) = await Api.RegisterAndWaitForSlides(http, datasetFolder);
var extractionParameters = new { datasetId, tumorSlideThreshold = 10, seed = 1 };

// The training job needs an extraction run; the one made here, alone, is also the extraction baseline.
var baselineExtractionJob = await Api.StartJob(http, "api/jobs/extraction", extractionParameters);
var baselineExtractionRun = await Api.WaitForRun(http, baselineExtractionJob);
var trainingParameters = new { extractionRunId = baselineExtractionRun, preset = "tiny", epochs, seed = 1 };

var slides = new List<SlideGeometry>();
foreach (var id in slideIds) slides.Add(SlideGeometry.Parse(id, await http.GetStringAsync($"slides/{id}/dzi.dzi")));

// Load phase: clients connect, then the jobs start, and clients browse until the time is up.
var load = new LoadRun(baseUrl, slides, clientCount);
await load.SignIn("viewer", viewerPassword);
await load.ConnectHubs();
var loadedExtractionJob = await Api.StartJob(http, "api/jobs/extraction", extractionParameters);
var loadedTrainingJob = await Api.StartJob(http, "api/jobs/training", trainingParameters);
var browsing = load.Browse(TimeSpan.FromSeconds(seconds));
var loadedExtractionRun = await Api.WaitForRun(http, loadedExtractionJob);
var loadedTrainingRun = await Api.WaitForRun(http, loadedTrainingJob);
var jobsEndedAt = load.Elapsed;
await browsing;
await Task.Delay(500); // lets the last hub events arrive before counting
var hub = load.HubSummary();
await load.DisposeAsync();
var peakRssKb = PeakRss.ReadKb(appPid);

// The same training again, alone, on the same extraction run and seed.
var aloneTrainingRun = await Api.WaitForRun(http, await Api.StartJob(http, "api/jobs/training", trainingParameters));
var extractionEqual = await Compare.Extractions(http, baselineExtractionRun, loadedExtractionRun);
var trainingEqual = await Compare.Training(http, aloneTrainingRun, loadedTrainingRun);

var tiles = load.Tiles;
var table = new StringBuilder()
    .AppendLine("| clients (signed in) | seconds | tile requests | requests/s | p50 ms | p99 ms | max ms | errors | tile cache hits | hub events per client (min / median / max) | hub disconnects | app peak RSS (VmHWM) |")
    .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|")
    .AppendLine(CultureInfo.InvariantCulture,
        $"| {clientCount} ({load.SignIns.Count - load.SignIns.Errors}) | {seconds:0} | {tiles.Count} | {tiles.Count / seconds:0} | {tiles.Percentile(0.50):0.0} | {tiles.Percentile(0.99):0.0} | {tiles.Percentile(1):0.0} | {tiles.Errors} | {tiles.Hits * 100.0 / Math.Max(1, tiles.Count):0}% | {hub.Min} / {hub.Median} / {hub.Max} | {hub.Disconnects} | {peakRssKb / 1024.0:0} MiB |")
    .AppendLine()
    .AppendLine("| job | under load (run id) | alone (run id) | same result |")
    .AppendLine("|---|---:|---:|---|")
    .AppendLine(CultureInfo.InvariantCulture, $"| extraction (per-slide cell and patch counts) | {loadedExtractionRun} | {baselineExtractionRun} | {extractionEqual.Verdict} |")
    .AppendLine(CultureInfo.InvariantCulture, $"| training tiny, {epochs} epochs (every train/validation metric row) | {loadedTrainingRun} | {aloneTrainingRun} | {trainingEqual.Verdict} |");
var text = $"""
    # Load benchmark {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC

    Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}; load average at the end {File.ReadAllText("/proc/loadavg").Trim()}.
    {slides.Count} slides ({string.Join(", ", slides.Select(s => $"{s.Width}x{s.Height}"))}); tiles drawn uniformly from the 7 most detailed Deep Zoom levels
    of the client's slide (client i browses slide i mod {slides.Count}). Both jobs started with the load; the training job (the later one) ended {jobsEndedAt.TotalSeconds:0.0} s after the clients began ({(jobsEndedAt.TotalSeconds <= seconds ? "inside" : "AFTER")} the {seconds:0} s window).
    Hub clients that received the final event of both jobs: {hub.ClientsWithBothFinals} of {clientCount}.
    Sign-in (form + antiforgery + PBKDF2 password check, all clients at once before the load): p50 {load.SignIns.Percentile(0.50):0} ms, max {load.SignIns.Percentile(1):0} ms, {load.SignIns.Errors} failed.

    {table}
    {extractionEqual.Detail}
    {trainingEqual.Detail}
    """;
Console.WriteLine(text);
File.WriteAllText(output, text);
return tiles.Errors == 0 && load.SignIns.Errors == 0 && hub.Disconnects == 0 && extractionEqual.Equal && trainingEqual.Equal ? 0 : 1;

/// <summary>A slide's Deep Zoom pyramid as its dzi.dzi describes it (halving, rounding up, to 1 x 1).</summary>
sealed record SlideGeometry(int Id, long Width, long Height, int TileSize, List<(long Width, long Height)> Levels)
{
    public static SlideGeometry Parse(int id, string xml)
    {
        var image = XDocument.Parse(xml).Root!;
        var size = image.Elements().Single(e => e.Name.LocalName == "Size");
        var (width, height) = ((long)size.Attribute("Width")!, (long)size.Attribute("Height")!);
        var levels = new List<(long, long)> { (width, height) };
        for (var (w, h) = (width, height); w > 1 || h > 1;)
        {
            (w, h) = (Math.Max(1, (w + 1) / 2), Math.Max(1, (h + 1) / 2));
            levels.Add((w, h));
        }
        levels.Reverse();
        return new SlideGeometry(id, width, height, (int)image.Attribute("TileSize")!, levels);
    }

    public string RandomTileUrl(Random random)
    {
        var level = random.Next(Math.Max(0, Levels.Count - 7), Levels.Count);
        var (width, height) = Levels[level];
        var column = random.Next((int)((width + TileSize - 1) / TileSize));
        var row = random.Next((int)((height + TileSize - 1) / TileSize));
        return $"slides/{Id}/dzi_files/{level}/{column}_{row}.jpeg";
    }
}

/// <summary>The load: signed-in clients that each hold a hub connection and request random tiles of one slide.</summary>
sealed partial class LoadRun(Uri baseUrl, List<SlideGeometry> slides, int clients) : IAsyncDisposable
{
    private static readonly string[] FinalStatuses = ["Completed", "Failed", "Cancelled", "Interrupted"];
    private readonly List<HubConnection> _connections = [];
    private readonly CookieContainer[] _cookies = Enumerable.Range(0, clients).Select(_ => new CookieContainer()).ToArray();
    private readonly HttpClient[] _browsers = new HttpClient[clients];
    private readonly int[] _events = new int[clients];
    private readonly HashSet<(int Client, int JobId)> _finals = [];
    private readonly Stopwatch _clock = new();
    private int _disconnects;
    private volatile bool _closing;

    public Latencies Tiles { get; } = new();
    public Latencies SignIns { get; } = new();
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Each client loads the sign-in page and posts the form with its antiforgery token, keeping the session cookie.</summary>
    public Task SignIn(string userName, string password) => Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
    {
        var browser = _browsers[client] = new HttpClient(new SocketsHttpHandler { CookieContainer = _cookies[client], AllowAutoRedirect = false })
            { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        var watch = Stopwatch.StartNew();
        var page = await browser.GetStringAsync("account/login");
        var antiforgery = WebUtility.HtmlDecode(AntiforgeryInput().Match(page).Groups[1].Value);
        using var response = await browser.PostAsync("account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["ReturnUrl"] = "/", ["__RequestVerificationToken"] = antiforgery,
        }));
        var signedIn = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/";
        SignIns.Record(watch.Elapsed.TotalMilliseconds, signedIn, false);
    }));

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();

    public async Task ConnectHubs()
    {
        for (var i = 0; i < clients; i++)
        {
            var client = i;
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(baseUrl, "hubs/runs"), HttpTransportType.WebSockets, o =>
                {
                    o.SkipNegotiation = true;
                    o.Cookies = _cookies[client];
                })
                .Build();
            connection.On<JsonElement>("run", e =>
            {
                Interlocked.Increment(ref _events[client]);
                if (FinalStatuses.Contains(e.GetProperty("status").GetString()))
                    lock (_finals) _finals.Add((client, e.GetProperty("jobId").GetInt32()));
            });
            connection.Closed += _ =>
            {
                if (!_closing) Interlocked.Increment(ref _disconnects);
                return Task.CompletedTask;
            };
            await connection.StartAsync();
            _connections.Add(connection);
        }
    }

    public Task Browse(TimeSpan duration)
    {
        _clock.Start();
        return Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var slide = slides[client % slides.Count];
            var http = _browsers[client];
            var random = new Random(client);
            while (_clock.Elapsed < duration)
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    using var response = await http.GetAsync(slide.RandomTileUrl(random));
                    await response.Content.ReadAsByteArrayAsync();
                    Tiles.Record(watch.Elapsed.TotalMilliseconds, response.IsSuccessStatusCode,
                        response.Headers.TryGetValues("X-Tile-Cache", out var cache) && cache.Single() == "hit");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Tiles.Record(watch.Elapsed.TotalMilliseconds, false, false);
                }
            }
        })));
    }

    public HubSummary HubSummary()
    {
        var counts = _events.Order().ToArray();
        int both;
        lock (_finals) both = _finals.GroupBy(f => f.Client).Count(g => g.Count() >= 2);
        return new HubSummary(counts[0], counts[counts.Length / 2], counts[^1], Volatile.Read(ref _disconnects), both);
    }

    public async ValueTask DisposeAsync()
    {
        _closing = true;
        foreach (var connection in _connections) await connection.DisposeAsync();
        foreach (var browser in _browsers) browser?.Dispose();
    }
}

sealed record HubSummary(int Min, int Median, int Max, int Disconnects, int ClientsWithBothFinals);

sealed class Latencies
{
    private readonly List<double> _values = [];
    public int Errors { get; private set; }
    public int Hits { get; private set; }
    public int Count { get { lock (_values) return _values.Count; } }

    public void Record(double milliseconds, bool ok, bool hit)
    {
        lock (_values)
        {
            _values.Add(milliseconds);
            if (!ok) Errors++;
            if (hit) Hits++;
        }
    }

    /// <summary>Nearest-rank percentile.</summary>
    public double Percentile(double p)
    {
        lock (_values)
        {
            if (_values.Count == 0) return double.NaN;
            var sorted = _values.Order().ToArray();
            return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        }
    }
}

static class PeakRss
{
    public static long ReadKb(int pid) => long.Parse(File.ReadLines($"/proc/{pid}/status")
        .Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}

sealed record Comparison(bool Equal, string Verdict, string Detail);

static class Compare
{
    /// <summary>Per-slide counts of two extraction runs, in slide-name order.</summary>
    public static async Task<Comparison> Extractions(HttpClient http, int aloneRun, int loadedRun)
    {
        var alone = await SlideCounts(http, aloneRun);
        var loaded = await SlideCounts(http, loadedRun);
        var equal = alone.SequenceEqual(loaded);
        return new Comparison(equal, equal ? "equal" : "DIFFERENT",
            $"Extraction per slide (name, split, tissue, tumor, normal cells, tumor, normal patches), alone: {string.Join("; ", alone)}" +
            (equal ? "" : $"; under load: {string.Join("; ", loaded)}"));
    }

    private static async Task<List<string>> SlideCounts(HttpClient http, int run)
    {
        using var detail = JsonDocument.Parse(await http.GetStringAsync($"api/extractions/{run}"));
        return detail.RootElement.GetProperty("slides").EnumerateArray().Select(s => string.Join(' ',
            s.GetProperty("name").GetString(), s.GetProperty("split"), s.GetProperty("tissueCells"), s.GetProperty("tumorCells"),
            s.GetProperty("normalCells"), s.GetProperty("tumorExtracted"), s.GetProperty("normalExtracted"))).ToList();
    }

    /// <summary>Every metric row of two training runs except the timing columns (images/s, at).</summary>
    public static async Task<Comparison> Training(HttpClient http, int aloneRun, int loadedRun)
    {
        var alone = await MetricRows(http, aloneRun);
        var loaded = await MetricRows(http, loadedRun);
        var equal = alone.SequenceEqual(loaded);
        var last = alone.LastOrDefault(r => r.StartsWith("validation", StringComparison.Ordinal)) ?? "none";
        return new Comparison(equal, equal ? "equal" : "DIFFERENT",
            $"Training: {alone.Count} metric rows (phase, epoch, step, loss, accuracy, AUC, images); final validation alone: {last}" +
            (equal ? "" : $"; under load: {loaded.LastOrDefault(r => r.StartsWith("validation", StringComparison.Ordinal)) ?? "none"}; first difference at row {alone.Zip(loaded).TakeWhile(p => p.First == p.Second).Count()}"));
    }

    private static async Task<List<string>> MetricRows(HttpClient http, int run)
    {
        using var rows = JsonDocument.Parse(await http.GetStringAsync($"api/training/{run}/metrics"));
        return rows.RootElement.EnumerateArray().Select(m => string.Join(' ',
            m.GetProperty("phase").GetString(), m.GetProperty("epoch"), m.GetProperty("step"), m.GetProperty("loss"),
            m.GetProperty("accuracy"), m.GetProperty("auc"), m.GetProperty("images"))).ToList();
    }
}

static class Api
{
    public static async Task<(int Id, List<int> SlideIds)> RegisterAndWaitForSlides(HttpClient http, string folder)
    {
        var response = await http.PostAsJsonAsync("api/datasets", new { folder, name = "load-bench" });
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
                return (id, slides.Select(s => s.GetProperty("id").GetInt32()).ToList());
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"the slides of dataset {id} ({folder}) were not read within 5 minutes");
    }

    // The registry's tumor-cell threshold calls small synthetic slides normal, and an extraction
    // without tumor slides samples nothing; the synth names tell which are tumor slides.
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

    /// <summary>Waits until the job ends; returns its run id, or throws if it did not complete.</summary>
    public static async Task<int> WaitForRun(HttpClient http, int jobId)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(10))
        {
            using var job = JsonDocument.Parse(await http.GetStringAsync($"api/jobs/{jobId}"));
            var root = job.RootElement;
            var status = root.GetProperty("status").GetString();
            if (status == "Completed" && root.GetProperty("runId").ValueKind == JsonValueKind.Number) return root.GetProperty("runId").GetInt32();
            if (status is "Failed" or "Cancelled" or "Interrupted")
                throw new InvalidOperationException($"job {jobId} ended {status}: {root.GetProperty("error")}");
            await Task.Delay(250);
        }
        throw new TimeoutException($"job {jobId} did not end within 10 minutes");
    }
}
