namespace TumorWeb.Pipeline.Training.Loading;

/// <summary>
/// Decoded (and possibly augmented) patches ready for <see cref="PatchTensors.FromRgb"/>: their ids,
/// their RGB bytes end to end, and their labels (1 tumor, 0 normal). <paramref name="Index"/> is the
/// batch's place in its epoch.
/// </summary>
public sealed record PatchBatch(int Index, long[] Ids, byte[] Pixels, float[] Labels)
{
    public int Count => Ids.Length;
}
