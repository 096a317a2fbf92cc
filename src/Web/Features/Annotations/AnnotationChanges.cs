namespace TumorWeb.Web.Features.Annotations;

/// <summary>
/// Says which slides of a run took drawn annotations that are no longer the slide's ground truth as
/// they were: edited since (another hash), or the slide went back to its files. Pure: the caller
/// brings the hashes the run recorded and the slides' current ones.
/// </summary>
public static class AnnotationChanges
{
    /// <param name="used">Slide name and the hash the run recorded; only slides that took drawn annotations.</param>
    /// <param name="current">Slide name and its current drawn hash, for the slides that still take drawn annotations.</param>
    public static IReadOnlyList<string> Describe(IEnumerable<(string Slide, string Hash)> used, IReadOnlyDictionary<string, string> current) =>
        used.OrderBy(u => u.Slide, StringComparer.Ordinal)
            .Select(u => current.TryGetValue(u.Slide, out var now)
                ? now == u.Hash ? null : $"{u.Slide}: its annotations were edited since this run (the run used {u.Hash}, now {now})"
                : $"{u.Slide}: no longer takes the app's annotations as ground truth (the run used annotations {u.Hash})")
            .OfType<string>()
            .ToList();
}
