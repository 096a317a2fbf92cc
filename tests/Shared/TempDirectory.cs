namespace TumorWeb.Tests;

/// <summary>A fresh directory for one test's files, deleted afterwards.</summary>
public sealed class TempDirectory(string prefix = "tumorweb-test-") : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>The path of <paramref name="name"/> in the directory, written first when <paramref name="contents"/> is given.</summary>
    public string File(string name, string? contents = null)
    {
        var path = System.IO.Path.Combine(Path, name);
        if (contents is not null) System.IO.File.WriteAllText(path, contents);
        return path;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = File(name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Delete(Path);

    /// <summary>
    /// Deletes a test's folder. An app just disposed may still be closing a SQLite file or a log in it
    /// (seen on a loaded 2-core machine as "Directory not empty"), so a failed delete is tried again briefly.
    /// </summary>
    public static void Delete(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
                return;
            }
            catch (IOException) when (attempt < 5)
            {
                Thread.Sleep(200 * attempt);
            }
        }
    }
}
