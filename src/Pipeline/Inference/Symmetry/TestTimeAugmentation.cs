namespace TumorWeb.Pipeline.Inference.Symmetry;

/// <summary>
/// Test-time augmentation (Liu et al. 2017): the probability of a patch is the mean of the model's
/// probabilities over its dihedral transforms. 1 = the patch as it is, 4 = its four rotations,
/// 8 = those and their mirror images.
/// </summary>
public static class TestTimeAugmentation
{
    public const int None = 1;

    /// <summary>The transform counts that are a whole subgroup of D4, so every cell is seen in the same set of orientations.</summary>
    public static IReadOnlyList<int> Choices { get; } = [1, 4, 8];

    public static bool IsValid(int transforms) => Choices.Contains(transforms);

    /// <summary>Throws <see cref="ArgumentException"/> for anything but 1, 4 or 8.</summary>
    public static void Validate(int transforms) =>
        Settings.Require(IsValid(transforms), $"test-time augmentation must be 1, 4 or 8 transforms (got {transforms})");

    /// <summary>The model itself for 1; otherwise a classifier that averages it over the transforms (the caller still owns the model).</summary>
    public static IPatchClassifier Wrap(IPatchClassifier model, int transforms)
    {
        Validate(transforms);
        return transforms == None ? new Unwrapped(model) : new TtaClassifier(model, transforms);
    }

    /// <summary>Lets a caller dispose what <see cref="Wrap"/> returns without disposing the model it was given.</summary>
    private sealed class Unwrapped(IPatchClassifier model) : IPatchClassifier
    {
        public string Name => model.Name;
        public int PatchSize => model.PatchSize;
        public float[] Score(ReadOnlySpan<byte> patches, int count) => model.Score(patches, count);
        public void Dispose() { }
    }
}
