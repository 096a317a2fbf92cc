namespace TumorWeb.Web.Features.Runs;

/// <summary>
/// The name a run's folder has on disk, shown beside its number: the web app names folders after
/// the job that made them (runs/training-7 may hold training run #2, as jobs of all kinds share one
/// count), so the page says which folder is the run's rather than leaving the user to guess.
/// </summary>
public static class RunFolderNames
{
    /// <summary>"runs/training-7" for a folder in a runs folder (as the web app makes them), else the folder's own name; never the rest of the server's path.</summary>
    public static string Shown(string outputDirectory)
    {
        var folder = outputDirectory.TrimEnd('/', '\\');
        var name = Path.GetFileName(folder);
        var parent = Path.GetFileName(Path.GetDirectoryName(folder) ?? "");
        return parent == "runs" ? $"runs/{name}" : name;
    }
}
