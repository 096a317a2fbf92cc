using System.Collections.Concurrent;

namespace TumorWeb.Pipeline.Stain;

/// <summary>
/// Stain estimates of slides already scored in this process, by content identity and sampling
/// geometry, so scoring a slide again (another model, another evaluation) does not sample it again.
/// Bounded: past <see cref="Capacity"/> entries it starts afresh.
/// </summary>
public static class SlideStainCache
{
    public const int Capacity = 512;

    private static readonly ConcurrentDictionary<string, SlideStain?> Estimates = new();

    public static SlideStain? GetOrAdd(string key, Func<SlideStain?> estimate)
    {
        if (Estimates.TryGetValue(key, out var known)) return known;
        if (Estimates.Count >= Capacity) Estimates.Clear();
        return Estimates.GetOrAdd(key, _ => estimate());
    }
}
