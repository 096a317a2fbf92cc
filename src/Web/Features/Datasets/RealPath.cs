namespace TumorWeb.Web.Features.Datasets;

/// <summary>
/// A path with every symbolic link on it followed, like realpath(3). <see cref="Path.GetFullPath(string)"/>
/// only folds "." and "..", so a link inside a data root could still lead anywhere on the disk.
/// </summary>
public static class RealPath
{
    private const int MaxLinkDepth = 40;

    public static string Of(string path) => Resolve(Path.GetFullPath(path), depth: 0);

    private static string Resolve(string fullPath, int depth)
    {
        if (depth > MaxLinkDepth) throw new SymbolicLinkLoopException(fullPath);
        var root = Path.GetPathRoot(fullPath)!;
        var current = root;
        foreach (var part in fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            var target = new FileInfo(current).LinkTarget;
            if (target is not null)
                current = Resolve(Path.GetFullPath(target, Path.GetDirectoryName(current)!), depth + 1);
        }
        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies below it (both full paths).</summary>
    public static bool IsInside(string path, string folder)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(folder);
        return path.Equals(trimmed, StringComparison.Ordinal)
            || path.StartsWith(trimmed + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
