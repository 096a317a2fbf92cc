using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Data;
using TumorWeb.Pipeline.Stain;
using TumorWeb.Pipeline.Training;

namespace TumorWeb.Web.Cli;

/// <summary>
/// <c>train --patches &lt;extraction-dir&gt; --model M --epochs E [--batch B] [--lr L] [--out DIR] [--weights FILE]
/// [--color-augment none|light|strong] [--stain-normalize none|macenko|reinhard] [--stain-reference slide@x,y,w,h]
/// [--resume RUN] [--seed S] [--json]</c>: trains a preset on an extraction's train split, or continues a run.
/// </summary>
public static class TrainCommand
{
    public const int Cancelled = 130;

    public static Command Create()
    {
        var patches = new Option<string?>("--patches") { Description = "Extraction folder (its patch pack and catalog.db)." };
        var model = new Option<string?>("--model") { Description = $"Model preset: {string.Join(", ", ModelPresets.All)}." };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs to train (with --resume: the new total)." };
        var batch = new Option<int?>("--batch") { Description = "Batch size (default: 8 for inception-v3, else 32)." };
        var lr = new Option<double?>("--lr") { Description = "RMSprop learning rate (default: 2e-5; tiny 1e-3)." };
        var weightDecay = new Option<double>("--weight-decay") { Description = "L2 weight decay.", DefaultValueFactory = _ => 0 };
        var augment = new Option<bool?>("--augment") { Description = "Random rotation and flip (default: on for models trained from scratch)." };
        var colorAugment = new Option<string>("--color-augment")
        {
            Description = "Colour jitter of training patches: none, light or strong (brightness, contrast, saturation, hue and HED stain).",
            DefaultValueFactory = _ => "none",
        };
        var stainNormalize = new Option<string>("--stain-normalize")
        {
            Description = "Stain normalisation in training and scoring: none, macenko or reinhard.", DefaultValueFactory = _ => "none",
        };
        var stainReference = new Option<string?>("--stain-reference")
        {
            Description = "Target stain: slide.tif@x,y,w,h, a level-0 region (default: the median stain of the training slides).",
        };
        var output = new Option<string?>("--out") { Description = "Run folder for checkpoints (default: <patches>/training/run-<id>)." };
        var weights = new Option<string?>("--weights")
        {
            Description = "ImageNet base of a frozen preset: a TorchScript file (features cached once, head trained on them) or a TorchSharp state dict. " +
                          "resnet18-frozen needs none: it uses the shipped ONNX ResNet18.",
        };
        var resume = new Option<string?>("--resume") { Description = "Continue a run: its id (with --patches or --db) or its folder." };
        var seed = new Option<int>("--seed") { Description = "Seed of the initial weights, the shuffles, augmentation and dropout.", DefaultValueFactory = _ => TrainingOptions.DefaultSeed };
        var threads = new Option<int>("--threads") { Description = "libtorch threads (0: one per core).", DefaultValueFactory = _ => 0 };
        var checkpointMinutes = new Option<double>("--checkpoint-minutes") { Description = "Checkpoint at least this often within an epoch.", DefaultValueFactory = _ => 10 };
        var maxSteps = new Option<int?>("--max-steps") { Description = "Stop each epoch after this many steps." };
        var db = new Option<string?>("--db") { Description = "SQLite catalog (default: <patches>/catalog.db)." };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON on stdout." };
        var command = new Command("train", "Train the classifier head (dense 128, dropout 0.3, dense 1) on a base (tiny CNN, ResNet-18, InceptionV3) on an extraction's patches.")
        {
            patches, model, epochs, batch, lr, weightDecay, augment, colorAugment, stainNormalize, stainReference, output, weights, resume, seed, threads, checkpointMinutes, maxSteps, db, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                if (parse.GetValue(resume) is { } run)
                    return await ResumeAsync(run, parse.GetValue(patches), parse.GetValue(db), parse.GetValue(epochs), parse.GetValue(json), ct);
                var options = new TrainingOptions
                {
                    PatchesDirectory = parse.GetValue(patches) ?? throw new ArgumentException("--patches is required (or --resume)"),
                    Preset = ModelPresets.Parse(parse.GetValue(model) ?? throw new ArgumentException($"--model is required: {string.Join(", ", ModelPresets.All)}")),
                    Epochs = parse.GetValue(epochs) ?? throw new ArgumentException("--epochs is required"),
                    BatchSize = parse.GetValue(batch),
                    LearningRate = parse.GetValue(lr),
                    WeightDecay = parse.GetValue(weightDecay),
                    Augment = parse.GetValue(augment),
                    ColorAugment = ColorAugments.Parse(parse.GetValue(colorAugment)!),
                    StainNormalize = StainMethods.Parse(parse.GetValue(stainNormalize)!),
                    StainReference = parse.GetValue(stainReference),
                    OutputDirectory = parse.GetValue(output),
                    WeightsFile = parse.GetValue(weights),
                    Seed = parse.GetValue(seed),
                    Threads = parse.GetValue(threads),
                    CheckpointInterval = TimeSpan.FromMinutes(parse.GetValue(checkpointMinutes)),
                    MaxStepsPerEpoch = parse.GetValue(maxSteps),
                };
                var catalog = CliDatabase.PathFor(parse.GetValue(db), options.PatchesDirectory);
                options = options with { CatalogPath = catalog };
                var runner = await RunnerAsync(catalog, ct);
                return await ReportAsync(progress => runner.RunAsync(options, progress, ct), parse.GetValue(json));
            }
            catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or UnauthorizedAccessException or ArgumentException)
            {
                return CliOutput.Fail(e.Message);
            }
            catch (System.Data.Common.DbException e)
            {
                return CliOutput.Fail($"cannot use the catalog's database: {e.Message}");
            }
        });
        return command;
    }

    private static async Task<int> ResumeAsync(string run, string? patches, string? db, int? epochs, bool json, CancellationToken ct)
    {
        var (runId, catalog) = ResumeTarget(run, patches, db);
        var runner = catalog is null ? ClusterRunner() : await RunnerAsync(catalog, ct);
        return await ReportAsync(progress => runner.ResumeAsync(runId, epochs, progress, ct), json);
    }

    /// <summary>
    /// The run to continue and the SQLite catalog it lives in: --db, else the one its folder names, else
    /// its extraction's. Null for the cluster's database, which a run the web app made in a cluster uses
    /// (its folder names no file) and which the environment names on a cluster node, as for the web nodes.
    /// </summary>
    private static (int RunId, string? Catalog) ResumeTarget(string run, string? patches, string? db)
    {
        var onCluster = CliDatabase.OnCluster;
        if (int.TryParse(run, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            if (patches is not null || db is not null) return (id, CliDatabase.PathFor(db, patches!));
            if (onCluster) return (id, null);
            throw new ArgumentException($"--resume {run}: give --patches (or --db) so the run can be found in its catalog, or pass the run's folder");
        }
        var folder = RunFolder.Read(run);
        if (db is not null) return (folder.RunId, Path.GetFullPath(db));
        if (folder.CatalogPath is { } file) return (folder.RunId, file);
        if (onCluster) return (folder.RunId, null);
        throw new ArgumentException($"--resume {run}: its {RunFolder.FileName} names no catalog file, so the web app made it in a cluster; " +
            $"set {CliDatabase.ClusterVariable} to the cluster's database, as on the cluster's nodes (or pass --db)");
    }

    private static TrainingRunner ClusterRunner()
    {
        var services = new ServiceCollection().AddData(CliDatabase.Cluster()!).BuildServiceProvider();
        return new TrainingRunner(services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>(), TimeProvider.System);
    }

    private static async Task<TrainingRunner> RunnerAsync(string catalog, CancellationToken ct)
    {
        if (!File.Exists(catalog)) throw new FileNotFoundException($"{catalog}: catalog not found; run extract first or pass --db", catalog);
        IDbContextFactory<TumorWebDbContext> factory = await CliDatabase.OpenAsync(catalog, ct);
        return new TrainingRunner(factory, TimeProvider.System);
    }

    private static async Task<int> ReportAsync(Func<IProgress<TrainingProgress>, Task<TrainingReport>> train, bool json)
    {
        string? checkpoint = null;
        try
        {
            var report = await TrainingProgressBar.RunAsync(progress => train(new CheckpointTap(progress, path => checkpoint = path)));
            if (json) CliOutput.WriteJson(TrainingJson.From(report));
            TrainingTable.Print(CliOutput.Human(json), report);
            return 0;
        }
        catch (OperationCanceledException)
        {
            var folder = checkpoint is null ? null : Path.GetDirectoryName(Path.GetDirectoryName(checkpoint));
            Console.Error.WriteLine(folder is null
                ? "cancelled before the first checkpoint"
                : $"cancelled: checkpoint {checkpoint}; continue with: tumorweb train --resume {folder}");
            return Cancelled;
        }
    }

    /// <summary>Notes each checkpoint's path as it is written (synchronously, unlike Progress&lt;T&gt;).</summary>
    private sealed class CheckpointTap(IProgress<TrainingProgress> inner, Action<string> onCheckpoint) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            if (value.Event == TrainingEvent.Checkpoint && value.Message is not null) onCheckpoint(value.Message);
            inner.Report(value);
        }
    }
}
