#:project ../../src/Pipeline/Pipeline.csproj
#:property PublishAot=false
// Model 1 through the real training stage (TrainingRunner, preset resnet18-frozen: ONNX ResNet18 +
// the seed's head in TorchSharp, metrics in SQLite, checkpoints), on a synthetic extraction whose
// held-out slides validate:
//   cached:    one run of E epochs; the base runs once per patch into the feature cache;
//   recompute: the same run one epoch at a time with the cache deleted before each, so the base
//              runs over every patch every epoch, as the seed's Keras model 1 did.
// Same seed, so both end with the same head; prints wall times, their ratio and the held-out AUC.
// Usage: dotnet run -c Release bench/features/TrainingBench.cs -- [work-dir] [slides=6] [side=8192] [epochs=5] [lr=1e-3]
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TumorWeb.Data;
using TumorWeb.Pipeline.Extraction;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Synthetic;
using TumorWeb.Pipeline.Training;

var work = Path.GetFullPath(args.Length > 0 ? args[0] : "bench/results/features-training");
var slides = args.Length > 1 ? int.Parse(args[1]) : 6;
var side = args.Length > 2 ? int.Parse(args[2]) : 8192;
var epochs = args.Length > 3 ? int.Parse(args[3]) : 5;
var lr = args.Length > 4 ? double.Parse(args[4], CultureInfo.InvariantCulture) : 1e-3;

var (db, extraction) = await Extract(work, slides, side);
var features = Path.Combine(extraction, "features");
var runner = new TrainingRunner(new Factory(db), TimeProvider.System);
TrainingOptions Options(string name) => new()
{
    PatchesDirectory = extraction, OutputDirectory = Path.Combine(work, "runs", name + "-" + DateTime.UtcNow.Ticks),
    Preset = ModelPreset.ResNet18Frozen, Epochs = epochs, LearningRate = lr, Seed = 1,
};
await using (var context = db.CreateDbContext())
    Console.WriteLine($"{slides} synthetic slides {side}x{side * 5 / 6}: {context.Patches.Count()} patches " +
                      $"({context.Patches.Count(p => p.Split == TumorWeb.Data.Entities.DataSplit.Train)} train), {Environment.ProcessorCount} cores");

// A warm-up run of one epoch (JIT, ONNX Runtime, libtorch), then the two measured ones.
DeleteCache();
await runner.RunAsync(Options("warmup") with { Epochs = 1 }, null, default);

DeleteCache();
var clock = Stopwatch.StartNew();
var cached = await runner.RunAsync(Options("cached"), null, default);
var cachedSeconds = clock.Elapsed.TotalSeconds;

clock.Restart();
DeleteCache();
var recomputed = await runner.RunAsync(Options("recompute") with { Epochs = 1 }, null, default);
var perEpoch = new List<double> { clock.Elapsed.TotalSeconds };
for (var epoch = 2; epoch <= epochs; epoch++)
{
    var start = clock.Elapsed.TotalSeconds;
    DeleteCache();
    recomputed = await runner.ResumeAsync(recomputed.RunId, epoch, null, default);
    perEpoch.Add(clock.Elapsed.TotalSeconds - start);
}
var recomputeSeconds = clock.Elapsed.TotalSeconds;

Console.WriteLine($"\nresnet18-frozen, {epochs} epochs, batch {cached.Hyperparameters.BatchSize}, lr {lr}, through TrainingRunner");
Console.WriteLine($"{"epoch",5} {"loss",8} {"acc",7} {"val loss",9} {"val acc",8} {"val AUC",8}");
foreach (var m in cached.Metrics)
    Console.WriteLine($"{m.Epoch,5} {m.Loss,8:F4} {m.Accuracy,7:F3} {m.ValLoss,9:F4} {m.ValAccuracy,8:F3} {m.ValAuc,8:F4}");
Console.WriteLine($"\ncached (base once + {epochs} head epochs):       {cachedSeconds,7:F1} s");
Console.WriteLine($"recompute (base every epoch, {epochs} sessions):  {recomputeSeconds,7:F1} s  (per epoch: {string.Join(", ", perEpoch.Select(s => s.ToString("F1")))})");
Console.WriteLine($"cached / recompute: {cachedSeconds / recomputeSeconds:F3}   (target <= 0.25)");
Console.WriteLine($"same final head either way: {cached.Metrics[^1] == recomputed.Metrics[^1]} (held-out AUC {cached.Metrics[^1].ValAuc:F4} vs {recomputed.Metrics[^1].ValAuc:F4})");

void DeleteCache()
{
    if (Directory.Exists(features)) Directory.Delete(features, recursive: true);
}

static async Task<(PooledDbContextFactory<TumorWebDbContext>, string)> Extract(string work, int slides, int side)
{
    var dataset = Path.Combine(work, "slides");
    var output = Path.Combine(work, "out");
    if (!File.Exists(Path.Combine(dataset, "tumor_001.tif")))
        SyntheticSlideGenerator.Generate(new SynthOptions(dataset, slides, side, side * 5 / 6, Seed: 11, NormalSlides: 1));
    var catalog = Path.Combine(work, "catalog.db");
    var factory = new PooledDbContextFactory<TumorWebDbContext>(TumorWebDbContextOptions.Create($"Data Source={catalog};Pooling=False"));
    await using (var db = factory.CreateDbContext())
    {
        await db.Database.MigrateAsync();
        if (await db.ExtractionRuns.AnyAsync()) return (factory, output);
    }
    await new ExtractionRunner(factory, TimeProvider.System).RunAsync(new ExtractionOptions
    {
        DatasetDirectory = dataset,
        OutputDirectory = output,
        Seed = 5,
        Grid = new GridOptions { TumorSlideThreshold = 10 },
        // Whole slides are held out: validation AUC is measured on slides the head never saw.
        ValidationFraction = 0.34,
        TestFraction = 0,
    }, null, default);
    return (factory, output);
}

sealed class Factory(IDbContextFactory<TumorWebDbContext> inner) : IDbContextFactory<TumorWebDbContext>
{
    public TumorWebDbContext CreateDbContext() => inner.CreateDbContext();
}
