namespace TumorWeb.Pipeline.Inference.Symmetry;

/// <summary>
/// Scores each patch as the mean probability of an inner classifier over the first
/// <paramref name="transforms"/> dihedral transforms (<see cref="DihedralTransform.Of"/>). The inner
/// classifier sees one transformed batch per transform, so memory grows by one batch, not eight.
/// Disposing it leaves the inner classifier to its owner.
/// </summary>
public sealed class TtaClassifier(IPatchClassifier inner, int transforms) : IPatchClassifier
{
    private byte[] _buffer = [];

    public int Transforms { get; } = CheckedTransforms(transforms);

    public string Name => inner.Name;

    public int PatchSize => inner.PatchSize;

    public float[] Score(ReadOnlySpan<byte> patches, int count)
    {
        var patchBytes = checked(PatchSize * PatchSize * 3);
        if (patches.Length != checked(count * patchBytes))
            throw new ArgumentException($"{count} patches of {PatchSize}x{PatchSize} RGB are {count * patchBytes} bytes, not {patches.Length}");
        var sums = new double[count];
        for (var t = 0; t < Transforms; t++)
        {
            var scores = inner.Score(t == 0 ? patches : Transformed(patches, count, patchBytes, DihedralTransform.Of(t)), count);
            if (scores.Length != count)
                throw new InvalidOperationException($"model '{inner.Name}' returned {scores.Length} scores for {count} patches");
            for (var i = 0; i < count; i++) sums[i] += scores[i];
        }
        var mean = new float[count];
        for (var i = 0; i < count; i++) mean[i] = (float)(sums[i] / Transforms);
        return mean;
    }

    public void Dispose() { }

    private ReadOnlySpan<byte> Transformed(ReadOnlySpan<byte> patches, int count, int patchBytes, DihedralTransform transform)
    {
        if (_buffer.Length < patches.Length) _buffer = new byte[patches.Length];
        for (var i = 0; i < count; i++)
            transform.Apply(patches.Slice(i * patchBytes, patchBytes), _buffer.AsSpan(i * patchBytes, patchBytes), PatchSize);
        return _buffer.AsSpan(0, patches.Length);
    }

    private static int CheckedTransforms(int transforms)
    {
        TestTimeAugmentation.Validate(transforms);
        return transforms;
    }
}
