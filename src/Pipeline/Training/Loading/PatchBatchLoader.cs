using System.Runtime.CompilerServices;
using System.Threading.Channels;
using TumorWeb.Pipeline.Extraction.Store;
using TumorWeb.Pipeline.Stain;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Training.Loading;

/// <summary>
/// Streams batches from the patch pack: a producer decodes each batch's patches in parallel (the
/// pack reader is thread-safe), normalises their stain into the run's colour space (when
/// <paramref name="slideColors"/> has a transform for their slide), augments them, and queues the batch in a bounded channel a few
/// batches ahead of the model, so the model rarely waits and memory stays bounded.
/// </summary>
public sealed class PatchBatchLoader(PatchPackReader reader, int patchSize, int decodeThreads, int prefetchBatches,
    IReadOnlyDictionary<int, IPatchColor>? slideColors = null) : IBatchSource
{
    Tensor IBatchSource.ToInput(PatchBatch batch, Device device) => PatchTensors.FromPlanes(batch.Planes, batch.Count, patchSize, device);

    private int PatchBytes => patchSize * patchSize * 3;

    public async IAsyncEnumerable<PatchBatch> ReadAsync(IReadOnlyList<TrainingPatch> patches, EpochPlan plan,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var channel = Channel.CreateBounded<PatchBatch>(new BoundedChannelOptions(Math.Max(1, prefetchBatches))
        {
            SingleReader = true,
            SingleWriter = true,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(() => ProduceAsync(patches, plan, channel.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(ct))
                yield return batch;
            // Surfaces a decode error (a damaged shard) that ended the stream early.
            await producer;
        }
        finally
        {
            // The consumer stopped early (cancel, error, break): release the producer, let it finish.
            await stop.CancelAsync();
            await producer.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task ProduceAsync(IReadOnlyList<TrainingPatch> patches, EpochPlan plan, ChannelWriter<PatchBatch> writer, CancellationToken ct)
    {
        try
        {
            for (var index = plan.FirstBatch; index < plan.EndBatch; index++)
                await writer.WriteAsync(Decode(patches, plan, index, ct), ct);
        }
        finally
        {
            // Ends the reader's loop either way; a failure then surfaces from awaiting this task.
            writer.TryComplete();
        }
    }

    private PatchBatch Decode(IReadOnlyList<TrainingPatch> patches, EpochPlan plan, int index, CancellationToken ct)
    {
        var start = index * plan.BatchSize;
        var count = Math.Min(plan.BatchSize, plan.Order.Count - start);
        var batch = new PatchBatch(index, new long[count], new float[count * PatchBytes], new float[count]);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, decodeThreads), CancellationToken = ct };
        Parallel.For(0, count, parallel, () => (Decoded: new byte[PatchBytes], Augmented: new byte[PatchBytes]), (i, _, scratch) =>
        {
            var position = start + i;
            var patch = patches[plan.Order[position]];
            batch.Ids[i] = patch.Id;
            batch.Labels[i] = patch.IsTumor ? 1f : 0f;
            reader.Read(patch.Location, scratch.Decoded);
            if (slideColors is not null && slideColors.TryGetValue(patch.SlideId, out var normalize)) normalize.Apply(scratch.Decoded);
            var augmentation = plan.Augment(position);
            augmentation.Color?.Apply(scratch.Decoded);
            var pixels = scratch.Decoded;
            if (augmentation.MovesPixels)
            {
                PatchAugmenter.Apply(scratch.Decoded, scratch.Augmented, patchSize, augmentation);
                pixels = scratch.Augmented;
            }
            PatchTensors.ToPlanes(pixels, batch.Planes.AsSpan(i * PatchBytes, PatchBytes));
            return scratch;
        }, _ => { });
        return batch;
    }
}
