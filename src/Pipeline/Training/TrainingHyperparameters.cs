using System.Text.Json;
using System.Text.Json.Serialization;

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
    int MetricEvery)
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
            options.MetricEvery);
        hyper.Validate();
        return hyper;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static TrainingHyperparameters FromJson(string json) =>
        JsonSerializer.Deserialize<TrainingHyperparameters>(json, Json) ?? throw new InvalidDataException("hyperparameters are null");

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (Epochs < 1) throw new ArgumentException($"epochs must be at least 1 (got {Epochs})");
        if (BatchSize < 1) throw new ArgumentException($"batch size must be at least 1 (got {BatchSize})");
        if (!(LearningRate > 0)) throw new ArgumentException($"learning rate must be positive (got {LearningRate})");
        if (!(WeightDecay >= 0)) throw new ArgumentException($"weight decay cannot be negative (got {WeightDecay})");
        if (MaxStepsPerEpoch < 1) throw new ArgumentException($"max steps per epoch must be at least 1 (got {MaxStepsPerEpoch})");
        if (MetricEvery < 1) throw new ArgumentException($"metric interval must be at least 1 step (got {MetricEvery})");
        if (!(CheckpointMinutes > 0)) throw new ArgumentException($"checkpoint interval must be positive (got {CheckpointMinutes} minutes)");
        if (Threads < 0) throw new ArgumentException($"threads cannot be negative (got {Threads})");
    }
}
