namespace TumorWeb.Pipeline.Training.Loading;

/// <summary>
/// Decoded (and possibly augmented) patches ready for <see cref="PatchTensors.FromPlanes"/>: their ids,
/// their pixels as model input (count x 3 x size x size floats in [0, 1]), and their labels
/// (1 tumor, 0 normal). <paramref name="Index"/> is the batch's place in its epoch.
/// </summary>
public sealed record PatchBatch(int Index, long[] Ids, float[] Planes, float[] Labels)
{
    public int Count => Ids.Length;
}
