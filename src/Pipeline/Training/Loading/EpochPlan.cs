namespace TumorWeb.Pipeline.Training.Loading;

/// <summary>
/// Which batches of an epoch to load: patches in <paramref name="Order"/> cut into batches of
/// <paramref name="BatchSize"/> (the last one may be short), from batch <paramref name="FirstBatch"/>
/// up to (not including) <paramref name="EndBatch"/>; <paramref name="Augment"/> gives the
/// alteration of the patch at a position of the order.
/// </summary>
public sealed record EpochPlan(IReadOnlyList<int> Order, int BatchSize, int FirstBatch, int EndBatch, Func<int, Augmentation> Augment)
{
    public static int BatchesIn(int patches, int batchSize) => (patches + batchSize - 1) / batchSize;

    /// <summary>Every patch once, in the given order, unaltered: for validation and scoring.</summary>
    public static EpochPlan Sequential(int count, int batchSize) =>
        new(Enumerable.Range(0, count).ToArray(), batchSize, 0, BatchesIn(count, batchSize), _ => Augmentation.None);
}
