namespace TumorWeb.Tests;

/// <summary>
/// Where the real sample slides are: the folder named by TUMORWEB_TESTDATA, or else
/// ../shared/testdata beside the repository root (a relative TUMORWEB_TESTDATA is taken from the
/// repository root, as scripts/test.sh does). A clone alone has neither, so tests that need
/// the samples skip, saying which folder is missing and how to provide it.
/// </summary>
public static class TestPaths
{
    public const string TestDataVariable = "TUMORWEB_TESTDATA";

    public static string RepositoryRoot { get; } = FindRoot();

    public static string TestDataFolder { get; } = Environment.GetEnvironmentVariable(TestDataVariable) is { Length: > 0 } folder
        ? Path.GetFullPath(folder, RepositoryRoot)
        : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "testdata"));

    public static bool HasTestData => Directory.Exists(TestDataFolder);

    /// <summary>The path of a sample file; skips the calling test when the sample folder is missing.</summary>
    public static string TestData(string relative)
    {
        RequireTestData();
        return Path.Combine(TestDataFolder, relative);
    }

    /// <summary>Skips the calling test (a [SkippableFact] or [SkippableTheory]) when the sample folder is missing.</summary>
    public static void RequireTestData() => Skip.IfNot(HasTestData,
        $"needs the sample slides in {TestDataFolder}, which does not exist: " +
        $"set {TestDataVariable} to their folder, or put them in ../shared/testdata beside the repository");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TumorWeb.sln"))) return dir.FullName;
        throw new InvalidOperationException("TumorWeb.sln not found above " + AppContext.BaseDirectory);
    }
}
