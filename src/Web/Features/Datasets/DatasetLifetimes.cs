using System.Collections.Concurrent;

namespace TumorWeb.Web.Features.Datasets;

/// <summary>
/// A token per dataset, cancelled when the dataset is deleted, so background work done for one of
/// its slides (an overlay build) stops with it instead of reading files nobody will look at.
/// </summary>
public sealed class DatasetLifetimes
{
    private readonly ConcurrentDictionary<int, CancellationTokenSource> _sources = new();

    public CancellationToken Of(int datasetId) => _sources.GetOrAdd(datasetId, _ => new CancellationTokenSource()).Token;

    /// <summary>Cancels the dataset's token; a later <see cref="Of"/> (the id reused) gets a fresh one.</summary>
    public void End(int datasetId)
    {
        // Not disposed: work that holds the token may still be checking it.
        if (_sources.TryRemove(datasetId, out var source)) source.Cancel();
    }
}
