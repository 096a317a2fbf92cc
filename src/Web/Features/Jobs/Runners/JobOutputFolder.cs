namespace TumorWeb.Web.Features.Jobs.Runners;

/// <summary>
/// Makes a job's output folder before any run row exists, so a folder that cannot be made fails the job
/// with the folder and the reason, and leaves no run behind that claims to be running.
/// </summary>
public static class JobOutputFolder
{
    public static string Create(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            return Directory.CreateDirectory(full).FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{full}: the job's output folder cannot be made: {Reason(full, e)}", e);
        }
    }

    /// <summary>The .NET message for a file in the way ("already exists") does not say that it is a file, not a folder.</summary>
    private static string Reason(string path, Exception e)
    {
        for (var at = path; !string.IsNullOrEmpty(at); at = Path.GetDirectoryName(at))
            if (File.Exists(at)) return $"{at} is a file, not a folder";
        return e.Message;
    }
}
