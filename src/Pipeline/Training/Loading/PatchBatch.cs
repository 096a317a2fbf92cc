namespace TumorWeb.Pipeline.Training.Loading;

/// <summary>
/// Patches ready for the model: their ids, their input in <paramref name="Planes"/> (decoded and
/// possibly augmented pixels, count x 3 x size x size floats in [0, 1], for
/// <see cref="PatchTensors.FromPlanes"/>; or count x D cached features of a frozen base), and their
/// labels (1 tumor, 0 normal). <paramref name="Index"/> is the batch's place in its epoch.
/// </summary>
public sealed record PatchBatch(int Index, long[] Ids, float[] Planes, float[] Labels)
{
    public int Count => Ids.Length;
}
