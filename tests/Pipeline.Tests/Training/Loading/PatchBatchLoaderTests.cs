using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Extraction.Store;
using TumorWeb.Pipeline.Training;
using TumorWeb.Pipeline.Training.Loading;

namespace TumorWeb.Pipeline.Tests.Training.Loading;

[Collection(TrainingCollection.Name)]
public sealed class PatchBatchLoaderTests(TrainingExtractionFixture fixture)
{
    private Task<List<TrainingPatch>> Split(DataSplit split) =>
        new TrainingCatalog(fixture.Database.Factory, TimeProvider.System).PatchesAsync(fixture.ExtractionRunId, split, default);

    private static async Task<List<PatchBatch>> ReadAll(PatchBatchLoader loader, IReadOnlyList<TrainingPatch> patches, EpochPlan plan)
    {
        var batches = new List<PatchBatch>();
        await foreach (var batch in loader.ReadAsync(patches, plan)) batches.Add(batch);
        return batches;
    }

    [Fact]
    public async Task EachEpochYieldsEveryTrainPatchOnceInItsSeededOrderAndNoValidationPatch()
    {
        var train = await Split(DataSplit.Train);
        using var reader = new PatchPackReader(fixture.PatchesDirectory);
        var loader = new PatchBatchLoader(reader, 299, decodeThreads: 2, prefetchBatches: 2);
        var epochs = new List<long[]>();
        foreach (var epoch in new[] { 0, 1 })
        {
            var order = EpochOrder.For(9, epoch, train.Count);
            var batches = await ReadAll(loader, train, new EpochPlan(order, 16, 0, EpochPlan.BatchesIn(train.Count, 16), _ => Augmentation.None));
            var ids = batches.SelectMany(b => b.Ids).ToArray();

            Assert.Equal(order.Select(i => train[i].Id), ids);
            Assert.Equal(fixture.TrainIds.Order(), ids.Order());
            Assert.DoesNotContain(ids, fixture.ValidationIds.Contains);
            Assert.Equal(Enumerable.Range(0, batches.Count), batches.Select(b => b.Index));
            epochs.Add(ids);
        }
        Assert.NotEqual(epochs[0], epochs[1]);
    }

    [Fact]
    public async Task AResumedEpochStartsAtItsBatchAndPatchesArriveAugmentedAsDrawn()
    {
        var train = await Split(DataSplit.Train);
        using var reader = new PatchPackReader(fixture.PatchesDirectory);
        var loader = new PatchBatchLoader(reader, 299, decodeThreads: 2, prefetchBatches: 1);
        var order = EpochOrder.For(4, 0, train.Count);
        Func<int, Augmentation> draw = position => Augmentation.Draw(4, 0, position);

        var batches = await ReadAll(loader, train, new EpochPlan(order, 8, 2, 4, draw));

        Assert.Equal([2, 3], batches.Select(b => b.Index));
        Assert.Equal(order.Skip(16).Take(16).Select(i => train[i].Id), batches.SelectMany(b => b.Ids));
        var first = train[order[16]];
        var decoded = reader.Read(first.Location).Pixels;
        var augmented = new byte[decoded.Length];
        PatchAugmenter.Apply(decoded, augmented, 299, draw(16));
        var planes = new float[decoded.Length];
        PatchTensors.ToPlanes(augmented, planes);
        Assert.Equal(planes, batches[0].Planes.AsSpan(0, planes.Length).ToArray());
        Assert.Equal(first.IsTumor ? 1f : 0f, batches[0].Labels[0]);
    }
}
