using TumorWeb.Pipeline.FeatureVectors;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Training.Loading;

/// <summary>
/// Batches of a frozen base's cached feature rows instead of pixels: the same epoch plans, so the
/// shuffle, resume and metrics work as for any preset. Rows are read from the cache file per batch
/// (the page cache keeps them hot), so memory does not grow with the data set.
/// </summary>
internal sealed class FeatureBatchLoader : IBatchSource
{
    private readonly FeatureSet _features;
    private readonly Dictionary<long, int> _rowOfPatch;

    public FeatureBatchLoader(FeatureSet features)
    {
        _features = features;
        _rowOfPatch = new Dictionary<long, int>(features.Count);
        for (var row = 0; row < features.Count; row++) _rowOfPatch[features.Patches[row].Id] = row;
    }

    public int Dimension => _features.Dimension;

    public async IAsyncEnumerable<PatchBatch> ReadAsync(IReadOnlyList<TrainingPatch> patches, EpochPlan plan,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var index = plan.FirstBatch; index < plan.EndBatch; index++)
        {
            ct.ThrowIfCancellationRequested();
            yield return Read(patches, plan, index);
            // Reading a batch of rows takes microseconds; yielding keeps a cancel responsive anyway.
            await Task.Yield();
        }
    }

    public Tensor ToInput(PatchBatch batch, Device device) => PatchTensors.FromRows(batch.Planes, batch.Count, _features.Dimension, device);

    private PatchBatch Read(IReadOnlyList<TrainingPatch> patches, EpochPlan plan, int index)
    {
        var start = index * plan.BatchSize;
        var count = Math.Min(plan.BatchSize, plan.Order.Count - start);
        var batch = new PatchBatch(index, new long[count], new float[count * _features.Dimension], new float[count]);
        var rows = new int[count];
        for (var i = 0; i < count; i++)
        {
            var patch = patches[plan.Order[start + i]];
            batch.Ids[i] = patch.Id;
            batch.Labels[i] = patch.IsTumor ? 1f : 0f;
            rows[i] = _rowOfPatch.TryGetValue(patch.Id, out var row)
                ? row
                : throw new InvalidDataException($"{_features.Path}: no cached features for patch {patch.Id}; build the feature cache again");
        }
        _features.Read(rows, batch.Planes);
        return batch;
    }
}
