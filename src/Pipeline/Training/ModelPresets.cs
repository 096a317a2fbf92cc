namespace TumorWeb.Pipeline.Training;

/// <summary>Command-line names of the presets and the seed's defaults for each.</summary>
public static class ModelPresets
{
    private static readonly (ModelPreset Preset, string Name)[] Names =
    [
        (ModelPreset.Tiny, "tiny"),
        (ModelPreset.ResNet18Frozen, "resnet18-frozen"),
        (ModelPreset.InceptionV3, "inception-v3"),
        (ModelPreset.InceptionV3Frozen, "inception-v3-frozen"),
    ];

    public static IReadOnlyList<string> All { get; } = Names.Select(n => n.Name).ToList();

    public static string Name(this ModelPreset preset) => Names.Single(n => n.Preset == preset).Name;

    /// <summary>Throws <see cref="ArgumentException"/> listing the known names.</summary>
    public static ModelPreset Parse(string name) =>
        Names.Where(n => n.Name == name.Trim().ToLowerInvariant()).Select(n => (ModelPreset?)n.Preset).SingleOrDefault()
        ?? throw new ArgumentException($"unknown model '{name}': use one of {string.Join(", ", All)}");

    /// <summary>Only the backbone of a frozen preset comes from ImageNet weights; only its head learns.</summary>
    public static bool IsFrozen(this ModelPreset preset) => preset is ModelPreset.ResNet18Frozen or ModelPreset.InceptionV3Frozen;

    /// <summary>The seed trains model 2 with batches of 8 to fit in memory and model 1 with 32.</summary>
    public static int DefaultBatchSize(this ModelPreset preset) => preset == ModelPreset.InceptionV3 ? 8 : 32;

    /// <summary>
    /// The seed's RMSprop rate, 2e-5, except for the tiny CNN: trained from scratch on a few hundred
    /// patches it needs bigger steps to learn anything within a demo's few epochs.
    /// </summary>
    public static double DefaultLearningRate(this ModelPreset preset) => preset == ModelPreset.Tiny ? 1e-3 : 2e-5;

    /// <summary>The seed augments the model it trains from scratch (rotation, flip), not the frozen one.</summary>
    public static bool DefaultAugment(this ModelPreset preset) => !preset.IsFrozen();
}
