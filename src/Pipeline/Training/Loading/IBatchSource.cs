using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Training.Loading;

/// <summary>
/// Where a run's batches come from: decoded pixels for a network that sees the image
/// (<see cref="PatchBatchLoader"/>) or cached rows of a frozen base for a head alone
/// (<see cref="FeatureBatchLoader"/>). The session and validation need nothing else.
/// </summary>
internal interface IBatchSource
{
    IAsyncEnumerable<PatchBatch> ReadAsync(IReadOnlyList<TrainingPatch> patches, EpochPlan plan, CancellationToken ct = default);

    /// <summary>The model's input for a batch, on <paramref name="device"/>.</summary>
    Tensor ToInput(PatchBatch batch, Device device);
}
