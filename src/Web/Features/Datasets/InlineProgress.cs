namespace TumorWeb.Web.Features.Datasets;

/// <summary>
/// Reports on the calling thread. <see cref="Progress{T}"/> would post to whatever
/// synchronization context created it (a Blazor circuit's), which a background scan must not wait on.
/// </summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
