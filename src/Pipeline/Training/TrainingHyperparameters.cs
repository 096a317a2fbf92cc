using System.Text.Json;
using System.Text.Json.Serialization;
using TumorWeb.Pipeline.Stain;

namespace TumorWeb.Pipeline.Training;

/// <summary>
/// The options of a run with every default filled in: stored as the run's JSON in the catalog and
/// in each checkpoint, so a resume trains on exactly as it began.
/// </summary>
public sealed record TrainingHyperparameters(
    string Model,
    int PatchSize,
    int Epochs,
    int BatchSize,
    double LearningRate,
    double WeightDecay,
    bool Augment,
    int Seed,
    int Threads,
    double CheckpointMinutes,
    int? MaxStepsPerEpoch,
    string? WeightsFile,
    int MetricEvery,
    string ColorAugment = "none",
    string StainNormalize = "none",
    string? StainReference = null)
{
    /// <summary>Keras's RMSprop defaults, which the seed trained with (PyTorch's are 0.99 and 1e-8).</summary>
    public const double RmspropRho = 0.9;
    public const double RmspropEpsilon = 1e-7;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    [JsonIgnore] public ModelPreset Preset => ModelPresets.Parse(Model);

    public static TrainingHyperparameters From(TrainingOptions options, int patchSize)
    {
        var hyper = new TrainingHyperparameters(
            options.Preset.Name(), patchSize, options.Epochs,
            options.BatchSize ?? options.Preset.DefaultBatchSize(),
            options.LearningRate ?? options.Preset.DefaultLearningRate(),
            options.WeightDecay,
            options.Augment ?? options.Preset.DefaultAugment(),
            options.Seed, options.Threads, options.CheckpointInterval.TotalMinutes, options.MaxStepsPerEpoch,
            options.WeightsFile is null ? null : Path.GetFullPath(options.WeightsFile),
            options.MetricEvery, options.ColorAugment.Name(), options.StainNormalize.Name(),
            options.StainReference is null ? null : Reference(options.StainReference));
        hyper.Validate();
        return hyper;
    }

    [JsonIgnore] public ColorAugment ColorAugmentLevel => ColorAugments.Parse(ColorAugment);
    [JsonIgnore] public StainMethod StainMethod => StainMethods.Parse(StainNormalize);

    /// <summary>The reference region with its slide's full path, so a resume or a page reads the same file.</summary>
    private static string Reference(string spec)
    {
        var region = StainReferenceRegion.Parse(spec);
        return (region with { SlidePath = Path.GetFullPath(region.SlidePath) }).ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static TrainingHyperparameters FromJson(string json) =>
        JsonSerializer.Deserialize<TrainingHyperparameters>(json, Json) ?? throw new InvalidDataException("hyperparameters are null");

    public const int MaxEpochs = 1000;
    public const int MaxBatchSize = 1024;
    public const double MaxLearningRate = 1;

    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming the first setting that cannot work, with the
    /// allowed range; the CLI, the web form and the API all refuse through this one check.
    /// </summary>
    public void Validate()
    {
        Settings.Require(Epochs is >= 1 and <= MaxEpochs, $"epochs must be between 1 and {MaxEpochs} (got {Epochs})");
        Settings.Require(BatchSize is >= 1 and <= MaxBatchSize, $"batch size must be between 1 and {MaxBatchSize} (got {BatchSize})");
        Settings.Require(LearningRate is > 0 and <= MaxLearningRate, $"learning rate must be above 0 and at most {MaxLearningRate} (got {LearningRate})");
        Settings.Require(WeightDecay >= 0, $"weight decay cannot be negative (got {WeightDecay})");
        Settings.Require(Seed >= 0, $"seed must be 0 or more (got {Seed})");
        Settings.Require(MaxStepsPerEpoch is null or >= 1, $"max steps per epoch must be at least 1 (got {MaxStepsPerEpoch})");
        Settings.Require(MetricEvery >= 1, $"metric interval must be at least 1 step (got {MetricEvery})");
        Settings.Require(CheckpointMinutes > 0, $"checkpoint interval must be positive (got {CheckpointMinutes} minutes)");
        Settings.Require(Threads >= 0, $"threads cannot be negative (got {Threads})");
        ColorAugments.Parse(ColorAugment);
        Settings.Require(StainReference is null || StainMethods.Parse(StainNormalize) != Stain.StainMethod.None,
            "a stain reference needs a stain normalisation: add --stain-normalize macenko or reinhard");
        if (StainReference is not null)
        {
            var region = StainReferenceRegion.Parse(StainReference);
            Settings.Require(File.Exists(region.SlidePath), $"{region.SlidePath}: stain reference slide not found");
        }
    }
}
