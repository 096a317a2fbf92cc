using TumorWeb.Pipeline.Slides;
using TumorWeb.Web.Features.Datasets;

namespace TumorWeb.Web.Features.Viewer;

/// <summary>
/// The viewer's guard before it opens a registered slide's files: a file swapped for a symbolic link
/// out of the data roots (or a root removed since registration) is refused, never read.
/// </summary>
public static class SlideFilesInRoots
{
    /// <exception cref="SlideException">A file lies outside the data roots; the message names it.</exception>
    public static void Ensure(IReadOnlyList<string> roots, params string?[] paths)
    {
        var outside = paths.OfType<string>().FirstOrDefault(path => !DataRootFolder.StaysInside(path, roots));
        if (outside is not null) throw new SlideException(outside, "a symbolic link leads outside the data roots");
    }
}
