using System.Text.RegularExpressions;
using TumorWeb.Pipeline.Inference.Output;
using TumorWeb.Tests;

namespace TumorWeb.Pipeline.Tests.Inference;

/// <summary>Every place the README and docs spell out the per-cell CSV names the one header the CLI and the API write.</summary>
public sealed partial class CellCsvDocsTests
{
    [GeneratedRegex(@"`(x,y,[a-z,]+)`")]
    private static partial Regex CsvHeader();

    [Fact]
    public void EveryDocumentedCellCsvHeaderIsTheOneWritten()
    {
        var documents = Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "docs"), "*.md")
            .Append(Path.Combine(TestPaths.RepositoryRoot, "README.md"));
        var mentions = documents
            .SelectMany(file => CsvHeader().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Header: m.Groups[1].Value)))
            .ToList();

        Assert.True(mentions.Count >= 3, $"expected the header in README, api.md and inference.md; found {mentions.Count}");
        Assert.All(mentions, m => Assert.True(m.Header == CellCsv.Header, $"{m.File} documents cells.csv as {m.Header}, but it is {CellCsv.Header}"));
    }
}
