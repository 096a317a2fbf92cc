using TumorWeb.Pipeline.Slides;
using TumorWeb.Web.Features.Datasets;

namespace TumorWeb.Web.Features.Viewer;

/// <summary>
/// The viewer's guard before it opens a registered slide's files: a file swapped for a symbolic link
/// out of the data roots (or a root removed since registration), or one in a loop of links, is refused, never read.
/// </summary>
public static class SlideFilesInRoots
{
    /// <exception cref="SlideException">A file lies outside the data roots or its links loop; the message names it.</exception>
    public static void Ensure(IReadOnlyList<string> roots, params string?[] paths)
    {
        foreach (var path in paths.OfType<string>())
            if (DataRootFolder.LinkProblem(path, roots) is { } problem) throw new SlideException(path, problem);
    }
}
