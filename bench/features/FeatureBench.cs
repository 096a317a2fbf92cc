#:project ../../src/Pipeline/Pipeline.csproj
#:property PublishAot=false
// Feature benchmark (issue: model 1 feature extraction). On a synthetic extraction it measures
//   (1) ResNet18 features/s on this CPU for a few batch sizes and thread counts,
//   (2) model 1 on cached features: the base once (FeatureCache.BuildAsync) + E head epochs,
//   (3) model 1 as the seed ran it: every epoch reads each patch, runs the frozen base, trains the head,
// and prints (2) / (3), which the issue wants at most 0.25. The head is the seed's
// Dense(128, relu) -> Dropout(0.3) -> Dense(1, sigmoid), RMSprop lr 2e-5, batch 32, in plain C#.
// Usage: dotnet run -c Release bench/features/FeatureBench.cs -- [work-dir] [slides=4] [side=6144] [epochs=5] [threads=cores]
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Extraction;
using TumorWeb.Pipeline.Extraction.Store;
using TumorWeb.Pipeline.FeatureVectors;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Synthetic;

var work = Path.GetFullPath(args.Length > 0 ? args[0] : "bench/results/features");
var slides = args.Length > 1 ? int.Parse(args[1]) : 4;
var side = args.Length > 2 ? int.Parse(args[2]) : 6144;
var epochs = args.Length > 3 ? int.Parse(args[3]) : 5;
var cores = Environment.ProcessorCount;
var modelThreads = args.Length > 4 ? int.Parse(args[4]) : cores;

var (db, extraction) = await Extract(work, slides, side);
using var model = ResNet18Features.Load(new ResNet18Options { Threads = modelThreads });
var patches = await db.CreateDbContext().Patches.Where(p => p.Split == DataSplit.Train).OrderBy(p => p.Id).ToListAsync();
Console.WriteLine($"{slides} synthetic slides {side}x{side * 5 / 6}: {patches.Count} training patches, {cores} cores, {Environment.OSVersion}");

// (1) throughput on decoded patches
using var reader = new PatchPackReader(extraction);
var sample = patches.Take(32).SelectMany(p => reader.Read(new PatchLocation(p.Shard, p.Offset, p.Length)).Pixels).ToArray();
var sampleCount = sample.Length / (299 * 299 * 3);
Console.WriteLine($"\n(1) ResNet18 features/s ({sampleCount} patches of 299x299, resize + preprocess + model; best of 3 interleaved rounds)");
Console.WriteLine($"{"batch",6} {"threads",8} {"features/s",11}");
var configs = (from threads in new[] { 1, cores }.Distinct() from batch in new[] { 1, 4, 8, 16, 32 } select (batch, threads)).ToList();
var models = configs.Select(c => ResNet18Features.Load(new ResNet18Options { BatchSize = c.batch, Threads = c.threads })).ToList();
var best = new double[configs.Count];
for (var round = 0; round < 3; round++)
    for (var c = 0; c < configs.Count; c++)
    {
        if (round == 0) models[c].Extract(sample.AsSpan(0, 299 * 299 * 3), 1, 299);
        var clock = Stopwatch.StartNew();
        models[c].Extract(sample, sampleCount, 299);
        best[c] = Math.Max(best[c], sampleCount / clock.Elapsed.TotalSeconds);
    }
for (var c = 0; c < configs.Count; c++)
{
    Console.WriteLine($"{configs[c].batch,6} {configs[c].threads,8} {best[c],11:F1}");
    models[c].Dispose();
}

// (2) and (3) interleaved (recompute epoch 1, cache build, recompute epochs 2..E) so a busy
// neighbour on a shared machine slows both alike; the model is warmed up first for the same reason.
model.Extract(sample, sampleCount, 299);
var recomputeEpochs = new List<double>();
var seedHead = new SeedHead(seed: 1);
var pixels = new byte[32 * 299 * 299 * 3];
double cacheSeconds = 0;
FeatureSet? set = null;
for (var epoch = 0; epoch < epochs; epoch++)
{
    if (epoch == Math.Min(1, epochs - 1)) (set, cacheSeconds) = await BuildCache(model, db, extraction);
    recomputeEpochs.Add(RecomputeEpoch(seedHead, model, reader, patches, pixels));
}
var headCached = new List<double>();
var head = new SeedHead(seed: 1);
for (var epoch = 0; epoch < epochs; epoch++)
{
    var clock = Stopwatch.StartNew();
    var (x, y) = set!.ForSplit(DataSplit.Train);
    head.Epoch(x, y);
    headCached.Add(clock.Elapsed.TotalSeconds);
}
var cachedTotal = cacheSeconds + headCached.Sum();
var recomputeTotal = recomputeEpochs.Sum();
var trainIndices = set!.IndicesOf(DataSplit.Train);

Console.WriteLine($"\n(2), (3): batch {new ResNet18Options().BatchSize}, {modelThreads} threads");
Console.WriteLine($"(2) cached: base once over all {set.Count} patches of the run {cacheSeconds:F1} s ({set.Count / cacheSeconds:F1} patches/s incl. pack reads and file writes)");
Console.WriteLine($"    head epoch over {trainIndices.Length} cached training rows (read from disk + train): {headCached.Average() * 1000:F1} ms");
Console.WriteLine($"(3) recompute: one epoch (read + base + head) over {patches.Count} training patches: {recomputeEpochs.Average():F1} s (measured {epochs} epochs: {string.Join(", ", recomputeEpochs.Select(s => s.ToString("F1")))})");
Console.WriteLine($"\n{"epochs",6} {"cached s",10} {"recompute s",12} {"ratio",7}   (target <= 0.25)");
foreach (var e in new[] { 1, 2, 5, 10, 20 })
{
    // Rows at the measured epoch count are measured; the others are projected from the per-epoch means.
    var cached = e == epochs ? cachedTotal : cacheSeconds + e * headCached.Average();
    var recompute = e == epochs ? recomputeTotal : e * recomputeEpochs.Average();
    Console.WriteLine($"{e,6} {cached,10:F1} {recompute,12:F1} {cached / recompute,7:F3}{(e == epochs ? "   measured" : "   projected")}");
}

// (2) the base once over every patch of the run, into the cache file
static async Task<(FeatureSet, double)> BuildCache(ResNet18Features model, PooledDbContextFactory<TumorWebDbContext> db, string extraction)
{
    var featuresDir = Path.Combine(extraction, "features");
    if (Directory.Exists(featuresDir)) Directory.Delete(featuresDir, recursive: true);
    var clock = Stopwatch.StartNew();
    var set = await new FeatureCache(new Factory(db), model).BuildAsync(extraction, null, default);
    return (set, clock.Elapsed.TotalSeconds);
}

// (3) one epoch as the seed ran it: read and featurize each training patch again, in batches of
// 32, decoding a batch on all cores as the cache build does. (Reading the next batch while the
// model runs, as Keras' queue did, was slower here: on 2 cores the reader stalls ONNX Runtime's threads.)
static double RecomputeEpoch(SeedHead head, ResNet18Features model, PatchPackReader reader, List<Patch> patches, byte[] pixels)
{
    const int patchBytes = 299 * 299 * 3, batch = 32;
    var clock = Stopwatch.StartNew();
    var order = patches.OrderBy(_ => Random.Shared.Next()).ToList();
    for (var start = 0; start < order.Count; start += batch)
    {
        var n = Math.Min(batch, order.Count - start);
        Parallel.For(0, n, i =>
        {
            var p = order[start + i];
            reader.Read(new PatchLocation(p.Shard, p.Offset, p.Length), pixels.AsSpan(i * patchBytes, patchBytes));
        });
        var x = model.Extract(pixels.AsSpan(0, n * patchBytes), n, 299);
        var y = order.Skip(start).Take(n).Select(p => p.Label == PatchLabel.Tumor ? 1f : 0f).ToArray();
        head.Batch(x, y);
    }
    return clock.Elapsed.TotalSeconds;
}

static async Task<(PooledDbContextFactory<TumorWebDbContext>, string)> Extract(string work, int slides, int side)
{
    var dataset = Path.Combine(work, "slides");
    var output = Path.Combine(work, "out");
    if (!File.Exists(Path.Combine(dataset, "tumor_001.tif")))
        SyntheticSlideGenerator.Generate(new SynthOptions(dataset, slides, side, side * 5 / 6, Seed: 11, NormalSlides: 1));
    var factory = new PooledDbContextFactory<TumorWebDbContext>(TumorWebDbContextOptions.Create($"Data Source={Path.Combine(work, "catalog.db")};Pooling=False"));
    await using (var db = factory.CreateDbContext()) await db.Database.MigrateAsync();
    await new ExtractionRunner(factory, TimeProvider.System).RunAsync(new ExtractionOptions
    {
        DatasetDirectory = dataset,
        OutputDirectory = output,
        Seed = 5,
        Grid = new GridOptions { TumorSlideThreshold = 10 },
        // Every patch trains, as in the seed: it fit 5 epochs over all 113,057 patches.
        ValidationFraction = 0,
        TestFraction = 0,
    }, null, default);
    return (factory, output);
}

sealed class Factory(IDbContextFactory<TumorWebDbContext> inner) : IDbContextFactory<TumorWebDbContext>
{
    public TumorWebDbContext CreateDbContext() => inner.CreateDbContext();
}

/// <summary>The seed's head on 512 features: Dense(128, relu), Dropout(0.3), Dense(1, sigmoid), RMSprop(2e-5).</summary>
sealed class SeedHead
{
    private const int In = 512, Hidden = 128, BatchSize = 32;
    private const float LearningRate = 2e-5f, Rho = 0.9f, Epsilon = 1e-7f, Dropout = 0.3f;
    private readonly float[] _w1 = new float[In * Hidden], _b1 = new float[Hidden], _w2 = new float[Hidden], _b2 = new float[1];
    private readonly float[] _s1 = new float[In * Hidden], _sb1 = new float[Hidden], _s2 = new float[Hidden], _sb2 = new float[1];
    private readonly Random _random;

    public SeedHead(int seed)
    {
        _random = new Random(seed);
        var limit1 = MathF.Sqrt(6f / (In + Hidden));
        for (var i = 0; i < _w1.Length; i++) _w1[i] = (float)(_random.NextDouble() * 2 - 1) * limit1;
        var limit2 = MathF.Sqrt(6f / (Hidden + 1));
        for (var i = 0; i < _w2.Length; i++) _w2[i] = (float)(_random.NextDouble() * 2 - 1) * limit2;
    }

    public void Epoch(float[] x, float[] y)
    {
        var order = Enumerable.Range(0, y.Length).OrderBy(_ => _random.Next()).ToArray();
        var bx = new float[BatchSize * In];
        var by = new float[BatchSize];
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            var n = Math.Min(BatchSize, order.Length - start);
            for (var i = 0; i < n; i++)
            {
                x.AsSpan(order[start + i] * In, In).CopyTo(bx.AsSpan(i * In, In));
                by[i] = y[order[start + i]];
            }
            Batch(bx.AsSpan(0, n * In).ToArray(), by[..n]);
        }
    }

    public void Batch(float[] x, float[] y)
    {
        var n = y.Length;
        var g1 = new float[In * Hidden];
        var gb1 = new float[Hidden];
        var g2 = new float[Hidden];
        var gb2 = 0f;
        var h = new float[Hidden];
        for (var s = 0; s < n; s++)
        {
            var row = x.AsSpan(s * In, In);
            for (var k = 0; k < Hidden; k++)
            {
                var z = _b1[k];
                for (var j = 0; j < In; j++) z += row[j] * _w1[j * Hidden + k];
                var keep = _random.NextSingle() >= Dropout;
                h[k] = z > 0 && keep ? z / (1 - Dropout) : 0;
            }
            var logit = _b2[0];
            for (var k = 0; k < Hidden; k++) logit += h[k] * _w2[k];
            var error = (1 / (1 + MathF.Exp(-logit)) - y[s]) / n;
            gb2 += error;
            for (var k = 0; k < Hidden; k++)
            {
                g2[k] += error * h[k];
                var back = h[k] > 0 ? error * _w2[k] / (1 - Dropout) : 0;
                if (back == 0) continue;
                gb1[k] += back;
                for (var j = 0; j < In; j++) g1[j * Hidden + k] += back * row[j];
            }
        }
        Update(_w1, _s1, g1);
        Update(_b1, _sb1, gb1);
        Update(_w2, _s2, g2);
        Update(_b2, _sb2, [gb2]);
    }

    private static void Update(float[] weights, float[] square, float[] gradient)
    {
        for (var i = 0; i < weights.Length; i++)
        {
            square[i] = Rho * square[i] + (1 - Rho) * gradient[i] * gradient[i];
            weights[i] -= LearningRate * gradient[i] / (MathF.Sqrt(square[i]) + Epsilon);
        }
    }
}
