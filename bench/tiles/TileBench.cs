#:project ../../src/Data/Data.csproj
#:property PublishAot=false
// Tile benchmark (issue 4, "Benchmark"): latency of the DZI tile endpoint of a running tumorweb app.
// Registers the slide in the app's database, then requests random tiles for a fixed time per phase:
//   cold-1, cold-20: fresh tiles (mostly cache misses) at 1 and 20 concurrent clients,
//   warm-1, warm-20: tiles from a set requested once beforehand (cache hits),
// and writes a markdown table (p50/p99 latency, requests/s, errors, cache hits) to the output file.
// Usage: dotnet run -c Release bench/tiles/TileBench.cs -- <base-url> <database> <slide.tif> <width> <height> <seconds> <out.md>
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;

var (baseUrl, database, slidePath) = (args[0], args[1], args[2]);
var (width, height) = (long.Parse(args[3], CultureInfo.InvariantCulture), long.Parse(args[4], CultureInfo.InvariantCulture));
var seconds = double.Parse(args[5], CultureInfo.InvariantCulture);
var output = args[6];

var slideId = await Register(database, slidePath, width, height);
var pyramid = new Pyramid(width, height);
// Signed in as the viewer's browser is: the session cookie bench/tiles/run.sh got from the sign-in form, in a
// cookie jar so the renewed cookie the app sends after its periodic security-stamp check is used, as a browser would.
var cookies = new CookieContainer();
cookies.SetCookies(new Uri(baseUrl), Environment.GetEnvironmentVariable("TUMORWEB_COOKIE")
    ?? throw new InvalidOperationException("TUMORWEB_COOKIE is not set; run bench/tiles/run.sh"));
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, CookieContainer = cookies })
    { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
(await http.GetAsync($"slides/{slideId}/dzi.dzi")).EnsureSuccessStatusCode();

// Levels a viewer shows when zoomed in: full resolution down to 1/64; all tiles of each equally likely.
var viewedLevels = Enumerable.Range(pyramid.LevelCount - 7, 7).ToArray();
var results = new List<Phase>
{
    await Run("cold, 1 client", 1, new Random(1), null),
    await Run("cold, 20 clients", 20, new Random(2), null),
};
var warmSet = Enumerable.Range(0, 2000).Select(i => pyramid.RandomTile(new Random(1000 + i), viewedLevels)).Distinct().ToArray();
await Parallel.ForEachAsync(warmSet, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (tile, ct) =>
    (await http.GetAsync(Url(tile), ct)).EnsureSuccessStatusCode());
results.Add(await Run("warm, 1 client", 1, new Random(4), warmSet));
results.Add(await Run("warm, 20 clients", 20, new Random(5), warmSet));

var table = new StringBuilder()
    .AppendLine("| phase | requests | requests/s | p50 ms | p99 ms | max ms | errors | cache hits |")
    .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
foreach (var p in results)
    table.AppendLine(CultureInfo.InvariantCulture, $"| {p.Name} | {p.Count} | {p.Count / p.Seconds:0} | {p.Percentile(0.50):0.0} | {p.Percentile(0.99):0.0} | {p.Percentile(1):0.0} | {p.Errors} | {p.Hits * 100.0 / Math.Max(1, p.Count):0}% |");
Console.WriteLine(table);
File.WriteAllText(output, $"""
    # Tile benchmark {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC

    Slide: {Path.GetFileName(slidePath)}, {width} x {height}, {pyramid.LevelCount} Deep Zoom levels (254 px + 1 overlap).
    Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}. {seconds:0} s per phase; tiles drawn uniformly from
    Deep Zoom levels {viewedLevels[0]}..{viewedLevels[^1]} (1/64 to full resolution); warm phases draw from {warmSet.Length} tiles requested before.

    {table}
    """);
return 0;

string Url((int Level, int Column, int Row) tile) => $"slides/{slideId}/dzi_files/{tile.Level}/{tile.Column}_{tile.Row}.jpeg";

async Task<Phase> Run(string name, int clients, Random random, (int, int, int)[]? pool)
{
    var phase = new Phase(name, seconds);
    var stop = Stopwatch.StartNew();
    var seeds = Enumerable.Range(0, clients).Select(_ => random.Next()).ToArray();
    await Task.WhenAll(seeds.Select(seed => Task.Run(async () =>
    {
        var own = new Random(seed);
        while (stop.Elapsed.TotalSeconds < seconds)
        {
            var tile = pool is null ? pyramid.RandomTile(own, viewedLevels) : pool[own.Next(pool.Length)];
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await http.GetAsync(Url(tile));
                await response.Content.ReadAsByteArrayAsync();
                phase.Record(watch.Elapsed.TotalMilliseconds, response.IsSuccessStatusCode,
                    response.Headers.TryGetValues("X-Tile-Cache", out var cache) && cache.Single() == "hit");
            }
            catch (HttpRequestException)
            {
                phase.Record(watch.Elapsed.TotalMilliseconds, false, false);
            }
        }
    })));
    Console.Error.WriteLine($"{name}: {phase.Count} requests");
    return phase;
}

static async Task<int> Register(string database, string slidePath, long width, long height)
{
    var options = (DbContextOptions<TumorWebDbContext>)new DbContextOptionsBuilder<TumorWebDbContext>().UseTumorWebSqlite($"Data Source={database}").Options;
    await using var db = new TumorWebDbContext(options);
    var slide = new RegisteredSlide { Name = Path.GetFileNameWithoutExtension(slidePath), SlidePath = slidePath, Width = width, Height = height };
    db.Datasets.Add(new Dataset { Name = "tile-bench", Folder = Path.GetDirectoryName(slidePath)!, CreatedAt = DateTimeOffset.UtcNow, Slides = [slide] });
    await db.SaveChangesAsync();
    return slide.Id;
}

/// <summary>Deep Zoom level sizes of the slide, as the app computes them (halving, rounding up, to 1 x 1).</summary>
sealed class Pyramid
{
    private readonly List<(long Width, long Height)> _levels = [];

    public Pyramid(long width, long height)
    {
        _levels.Add((width, height));
        while (width > 1 || height > 1)
        {
            (width, height) = (Math.Max(1, (width + 1) / 2), Math.Max(1, (height + 1) / 2));
            _levels.Add((width, height));
        }
        _levels.Reverse();
    }

    public int LevelCount => _levels.Count;

    public (int Level, int Column, int Row) RandomTile(Random random, int[] levels)
    {
        var level = levels[random.Next(levels.Length)];
        var (width, height) = _levels[level];
        return (level, random.Next((int)((width + 253) / 254)), random.Next((int)((height + 253) / 254)));
    }
}

sealed class Phase(string name, double seconds)
{
    private readonly List<double> _latencies = [];
    public string Name { get; } = name;
    public double Seconds { get; } = seconds;
    public int Errors { get; private set; }
    public int Hits { get; private set; }
    public int Count { get { lock (_latencies) return _latencies.Count; } }

    public void Record(double milliseconds, bool ok, bool hit)
    {
        lock (_latencies)
        {
            _latencies.Add(milliseconds);
            if (!ok) Errors++;
            if (hit) Hits++;
        }
    }

    public double Percentile(double p)
    {
        lock (_latencies)
        {
            if (_latencies.Count == 0) return double.NaN;
            var sorted = _latencies.Order().ToArray();
            return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        }
    }
}
