namespace TumorWeb.Web.Features.Datasets;

/// <summary>
/// Turns what a user typed into a dataset folder inside one of the data roots, or refuses it with
/// the reason: a relative folder is looked up under each root in turn, an absolute one must lie in a
/// root, and neither ".." nor a symbolic link may lead out of the roots.
/// </summary>
public static class DataRootFolder
{
    public static string Resolve(string input, IReadOnlyList<string> roots)
    {
        var folder = input.Trim();
        if (folder.Length == 0) throw new DatasetFolderException("(no folder)", "give a folder under one of the data roots");
        var candidates = Candidates(folder, roots);
        if (candidates.Count == 0)
            throw new DatasetFolderException(folder, $"is outside the data roots ({string.Join(", ", roots)})");
        var existing = candidates.FirstOrDefault(Directory.Exists)
            ?? throw new DatasetFolderException(folder, $"folder not found (looked for {string.Join(", ", candidates)})");
        EnsureNoLinkLeaves(folder, existing, roots);
        EnsureHasEntries(folder, existing);
        return existing;
    }

    /// <summary>Whether a file found in a dataset, links followed, still lies in a data root.</summary>
    public static bool StaysInside(string path, IReadOnlyList<string> roots)
    {
        var real = RealPath.Of(path);
        return roots.Any(root => RealPath.IsInside(real, RealPath.Of(root)));
    }

    /// <summary>
    /// Why a dataset file may not be read, or null when it may: a link leads out of the roots, or
    /// its links never end. Every file of a slide is checked before OpenSlide sees it.
    /// </summary>
    public static string? LinkProblem(string path, IReadOnlyList<string> roots)
    {
        try
        {
            return StaysInside(path, roots) ? null : "a symbolic link leads outside the data roots";
        }
        catch (SymbolicLinkLoopException)
        {
            return SymbolicLinkLoopException.Reason;
        }
    }

    private static List<string> Candidates(string folder, IReadOnlyList<string> roots) =>
        Path.IsPathRooted(folder)
            ? roots.Where(root => RealPath.IsInside(Full(folder), root)).Select(_ => Full(folder)).Distinct().ToList()
            : roots.Select(root => (Root: root, Full: Full(folder, root)))
                .Where(c => RealPath.IsInside(c.Full, c.Root))
                .Select(c => c.Full)
                .ToList();

    /// <summary>One spelling per folder ("a/b/" is "a/b"), since the folder is the dataset's unique key.</summary>
    private static string Full(string folder, string? root = null) =>
        Path.TrimEndingDirectorySeparator(root is null ? Path.GetFullPath(folder) : Path.GetFullPath(folder, root));

    private static void EnsureNoLinkLeaves(string input, string folder, IReadOnlyList<string> roots)
    {
        if (!StaysInside(folder, roots))
            throw new DatasetFolderException(input, $"a symbolic link leads outside the data roots (to {RealPath.Of(folder)})");
    }

    private static void EnsureHasEntries(string input, string folder)
    {
        try
        {
            if (!Directory.EnumerateFileSystemEntries(folder).Any())
                throw new DatasetFolderException(input, $"folder {folder} is empty");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DatasetFolderException(input, $"folder {folder} cannot be read ({e.Message})");
        }
    }
}
