namespace TumorWeb.Tests;

/// <summary>Where the shared real slide files are: ../shared/testdata beside the repository root.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string TestData(string relative) =>
        Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "testdata", relative));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TumorWeb.sln"))) return dir.FullName;
        throw new InvalidOperationException("TumorWeb.sln not found above " + AppContext.BaseDirectory);
    }
}
