namespace TumorWeb.Web.Tests.Cli;

/// <summary>An extraction that can produce no patch exits 1 with the reason and the fix, and says where the splits are unbalanced.</summary>
public sealed class ExtractNothingTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("tumorweb-cli-nothing-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string In(string name) => Path.Combine(_work, name);

    [Fact]
    public async Task SlidesAllUnderTheTumourSlideThresholdExitOneWithTheReasonAndTheFix()
    {
        Assert.Equal(0, (await CliRunner.RunAsync("synth", In("s"), "--slides", "2", "--size", "2048x2048", "--seed", "3")).ExitCode);
        var result = await CliRunner.RunAsync("extract", In("s"), "--out", In("out"), "--tumor-slide-threshold", "100000", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no tumour slide: every slide has fewer than 100000 tumour cells", result.Stderr);
        Assert.Contains("lower --tumor-slide-threshold", result.Stderr);
        Assert.Equal("Failed", result.Json.GetProperty("status").GetString());
        Assert.StartsWith("no tumour slide", result.Json.GetProperty("error").GetString());
        Assert.Equal(0, result.Json.GetProperty("totals").GetProperty("extracted").GetInt32());
    }

    [Fact]
    public async Task AValidationSplitWithoutNormalSlideIsReportedAsAWarning()
    {
        Assert.Equal(0, (await CliRunner.RunAsync("synth", In("s"), "--slides", "4", "--normal", "1", "--size", "2048x2048", "--seed", "3")).ExitCode);
        var result = await CliRunner.RunAsync("extract", In("s"), "--out", In("out"), "--tumor-slide-threshold", "5",
            "--validation-fraction", "0.34", "--test-fraction", "0", "--json");

        Assert.Equal(0, result.ExitCode);
        var warnings = result.Json.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ToList();
        Assert.Contains(warnings, w => w!.StartsWith("validation: ") && w.EndsWith(": no normal slide in this split"));
        Assert.Contains("warning: validation: ", result.Stderr);
    }

    [Fact]
    public async Task AnOutOfRangeOptionIsRefusedBeforeAnythingIsWritten()
    {
        Directory.CreateDirectory(In("s"));
        var result = await CliRunner.RunAsync("extract", In("s"), "--out", In("out"), "--tumor-fraction", "5");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("tumor fraction must be above 0 and at most 1 (got 5)", result.Stderr);
        Assert.False(Directory.Exists(In("out")));
    }
}
