#:project ../../src/Pipeline/Pipeline.csproj
#:property PublishAot=false
// Inference benchmark (issue 3, section 7), the TorchSharp half. In one process, with one
// libtorch thread count, on an extraction and a slide made by run.sh, it measures
//   (d) training: `TrainingRunner` end to end (pack reads, decoding, augmentation, steps) against
//       model-only steps (forward + backward + RMSprop) of the same network on random tensors;
//   (a) model-only forward of the InceptionV3 preset on random tensors [B, 3, 299, 299];
//   (b) whole-slide inference: `SlideHeatmapper` over every tissue cell of the slide, with the
//       checkpoint trained in (d), and its outputs (cells.csv for the Python peer);
//   (a) again after (b), so that a neighbour's load during the run shows as a difference.
// It writes every number to <work>/ours.json; run.sh adds the Python peer and prints the table.
// Usage: dotnet run -c Release bench/inference/InferenceBench.cs -- <work> <slide> <extraction> [batch=8] [threads=cores] [steps=6] [forward-batches=4]
using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TumorWeb.Data;
using TumorWeb.Pipeline.Inference;
using TumorWeb.Pipeline.Inference.Output;
using TumorWeb.Pipeline.Training;
using TumorWeb.Pipeline.Training.Models;
using TumorWeb.Pipeline.Training.Torch;
using static TorchSharp.torch;

var work = Path.GetFullPath(args[0]);
var slidePath = Path.GetFullPath(args[1]);
var extraction = Path.GetFullPath(args[2]);
var batch = args.Length > 3 ? int.Parse(args[3]) : 8;
var threads = args.Length > 4 ? int.Parse(args[4]) : Environment.ProcessorCount;
var steps = args.Length > 5 ? int.Parse(args[5]) : 6;
var forwardBatches = args.Length > 6 ? int.Parse(args[6]) : 4;
const int PatchSize = 299;

TorchNative.EnsureLoaded();
var defaultThreads = get_num_threads();
set_num_threads(threads);
Console.Error.WriteLine($"libtorch threads: default {defaultThreads}, set {get_num_threads()}; batch {batch}; {Environment.ProcessorCount} cores");

// (d) end to end: the library call behind `tumorweb train`; one timestamp per step from its progress.
var trainRun = Path.Combine(work, "train-run");
if (Directory.Exists(trainRun)) Directory.Delete(trainRun, recursive: true);
var factory = new PooledDbContextFactory<TumorWebDbContext>(TumorWebDbContextOptions.Create($"Data Source={Path.Combine(extraction, "catalog.db")};Pooling=False"));
var trainOptions = new TrainingOptions
{
    PatchesDirectory = extraction,
    OutputDirectory = trainRun,
    Preset = ModelPreset.InceptionV3,
    Epochs = 1,
    BatchSize = batch,
    Threads = threads,
    MaxStepsPerEpoch = steps,
    Seed = 1,
};
// One throw-away step first: libtorch's one-time start-up costs (kernel selection, first
// allocations) then fall on neither side of the comparison.
var warmUp = ModelOnlyTraining(TrainingHyperparameters.From(trainOptions, PatchSize), batch, 1);
Console.Error.WriteLine($"warm-up step: {Join(warmUp)} s");
var stepTimes = new StepTimes();
var report = await new TrainingRunner(factory, TimeProvider.System).RunAsync(trainOptions, stepTimes, default);
var checkpoint = report.Checkpoint ?? throw new InvalidOperationException($"{trainRun}: training wrote no final checkpoint");
if (stepTimes.Seconds.Count != steps)
    throw new InvalidOperationException($"{extraction}: training ran {stepTimes.Seconds.Count} steps, not {steps}: extract more patches");
Console.Error.WriteLine($"(d) end to end: {report.ImagesPerSecond:F2} images/s; steps {Join(stepTimes.Seconds)} s");

// (d) model-only: the same network and optimizer, random tensors already on the device.
var modelStep = ModelOnlyTraining(report.Hyperparameters, batch, steps);
Console.Error.WriteLine($"(d) model-only: steps {Join(modelStep)} s");

// (a) before (b), (b), (a) after (b).
var forwardBefore = ModelOnlyForward(checkpoint, batch, forwardBatches);
Console.Error.WriteLine($"(a) forward: batches {Join(forwardBefore)} s");
using var classifier = PatchClassifiers.Load(checkpoint, maxBatch: batch);
var heatmap = await SlideHeatmapper.RunAsync(slidePath, null, null, classifier, new HeatmapOptions { BatchSize = batch }, null, default);
var (files, _) = HeatmapWriter.Write(heatmap, Path.Combine(work, "heatmaps"));
var scores = heatmap.Scores;
Console.Error.WriteLine($"(b) heatmap: {scores.ScoredCells} cells in {scores.Seconds:F1} s (read {scores.ReadSeconds:F1}, model {scores.ModelSeconds:F1}, waited {scores.WaitSeconds:F1}); grid {heatmap.GridSeconds:F1} s");
var forwardAfter = ModelOnlyForward(checkpoint, batch, forwardBatches);
Console.Error.WriteLine($"(a) forward again: batches {Join(forwardAfter)} s");
var conversion = ConversionSeconds(batch, 5);
Console.Error.WriteLine($"bytes to tensor: {conversion * 1000:F1} ms a batch");

var result = new
{
    batch,
    threads,
    defaultThreads,
    cores = Environment.ProcessorCount,
    forward = new { before = forwardBefore, after = forwardAfter },
    heatmap = new
    {
        slide = slidePath,
        cells = scores.ScoredCells,
        gridWidth = heatmap.Grid.Stats.GridWidth,
        gridHeight = heatmap.Grid.Stats.GridHeight,
        seconds = scores.Seconds,
        readSeconds = scores.ReadSeconds,
        modelSeconds = scores.ModelSeconds,
        waitSeconds = scores.WaitSeconds,
        gridSeconds = heatmap.GridSeconds,
        cellsCsv = files.Cells,
        readerThreads = new HeatmapOptions().ReaderThreads,
        conversionSecondsPerBatch = conversion,
    },
    training = new
    {
        extraction,
        endToEndImagesPerSecond = report.ImagesPerSecond,
        endToEndSteps = stepTimes.Seconds,
        modelOnlySteps = modelStep,
        warmUpStep = warmUp[0],
        checkpoint,
    },
};
File.WriteAllText(Path.Combine(work, "ours.json"), JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));

static string Join(IEnumerable<double> seconds) => string.Join(", ", seconds.Select(s => s.ToString("F2")));

// Seconds per batch of the preset's network in eval mode under no_grad, as TorchPatchClassifier
// runs it, on a tensor made once: the network alone, after one warm-up batch.
static List<double> ModelOnlyForward(string checkpoint, int batch, int batches)
{
    using var net = PatchNets.Create(ModelPreset.InceptionV3, PatchSize, loadPretrained: false);
    Checkpoints.Load(checkpoint, net);
    net.eval();
    using var _ = no_grad();
    using var x = rand(batch, 3, PatchSize, PatchSize, device: TorchDevice.Pick());
    var seconds = new List<double>();
    for (var i = 0; i <= batches; i++)
    {
        using var scope = NewDisposeScope();
        var clock = Stopwatch.StartNew();
        net.call(x).sigmoid().cpu().data<float>().ToArray();
        if (i > 0) seconds.Add(clock.Elapsed.TotalSeconds);
    }
    return seconds;
}

// Seconds to turn one batch of RGB bytes into the model's input tensor, as inference does (mean of a few rounds).
static double ConversionSeconds(int batch, int rounds)
{
    var bytes = new byte[batch * PatchSize * PatchSize * 3];
    new Random(1).NextBytes(bytes);
    PatchTensors.FromRgb(bytes, batch, PatchSize, TorchDevice.Pick()).Dispose();
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < rounds; i++) PatchTensors.FromRgb(bytes, batch, PatchSize, TorchDevice.Pick()).Dispose();
    return clock.Elapsed.TotalSeconds / rounds;
}

// Seconds per training step of a fresh network, as TrainingSession.Step runs it (the same
// optimizer and loss), on tensors made once: no reading, decoding, augmentation or catalog.
// Like the end-to-end run, the first step of the fresh network is counted.
static List<double> ModelOnlyTraining(TrainingHyperparameters hyper, int batch, int steps)
{
    manual_seed(hyper.Seed);
    using var net = PatchNets.Create(ModelPreset.InceptionV3, PatchSize, loadPretrained: false);
    using var optimizer = TrainingOptimizer.Create(net, hyper);
    net.train();
    using var x = rand(batch, 3, PatchSize, PatchSize, device: TorchDevice.Pick());
    using var y = randint(0, 2, batch, device: TorchDevice.Pick()).to(ScalarType.Float32);
    var seconds = new List<double>();
    for (var i = 0; i < steps; i++)
    {
        using var scope = NewDisposeScope();
        var clock = Stopwatch.StartNew();
        optimizer.zero_grad();
        var logits = net.call(x);
        var loss = BatchLoss.Mean(logits, y);
        loss.backward();
        optimizer.step();
        _ = loss.item<float>();
        _ = BatchLoss.Correct(logits.detach(), y);
        seconds.Add(clock.Elapsed.TotalSeconds);
    }
    return seconds;
}

/// <summary>Seconds between training progress events: from Started to step 1, then step to step. Called synchronously.</summary>
sealed class StepTimes : IProgress<TrainingProgress>
{
    private long last;
    public List<double> Seconds { get; } = [];

    public void Report(TrainingProgress value)
    {
        var now = Stopwatch.GetTimestamp();
        if (value.Event == TrainingEvent.Started) last = now;
        if (value.Event != TrainingEvent.Step) return;
        Seconds.Add(Stopwatch.GetElapsedTime(last, now).TotalSeconds);
        last = now;
    }
}
