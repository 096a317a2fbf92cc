namespace TumorWeb.Pipeline.Tests.Grid;

/// <summary>Paths of the shared real test files, which live beside the checkout in ../shared/testdata.</summary>
internal static class TestFiles
{
    public static string Shared(string relativePath) =>
        Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "testdata", relativePath));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TumorWeb.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no TumorWeb.sln above {AppContext.BaseDirectory}");
    }
}
