namespace TumorWeb.Web.Hosting;

/// <summary>
/// The static files live in the repository's root wwwroot/ (lib/ filled from npm by the set-up),
/// not in src/Web; a published app carries its own copy next to the binaries.
/// </summary>
public static class WebRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "TumorWeb.sln")) && Directory.Exists(Path.Combine(dir.FullName, "wwwroot")))
                    return Path.Combine(dir.FullName, "wwwroot");
            }
        }
        return Path.Combine(AppContext.BaseDirectory, "wwwroot");
    }
}
