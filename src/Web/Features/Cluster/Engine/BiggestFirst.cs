namespace TumorWeb.Web.Features.Cluster.Engine;

/// <summary>
/// The order a per-slide stage hands out its items: the most work first, ties by name. Workers take
/// items first in, first out, so the small items fill the gaps at the end instead of one worker
/// starting a big slide while the others run out of work (longest processing time first).
/// </summary>
public static class BiggestFirst
{
    public static IReadOnlyList<string> Order(IEnumerable<(string Name, long Size)> slides) =>
        slides.OrderByDescending(s => s.Size).ThenBy(s => s.Name, StringComparer.Ordinal).Select(s => s.Name).ToList();

    /// <summary>
    /// A slide file's size, the measure of work known before its grid: pyramidal slides store empty
    /// background in tiny tiles, so the bytes grow with the tissue. 0 when the file cannot be read;
    /// its item then fails with the reason.
    /// </summary>
    public static long FileSize(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
