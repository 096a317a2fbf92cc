using System.Text.Json;

namespace TumorWeb.Web.Tests.Cli;

/// <summary>mine and synth --stain-shift through the real executable, and train on what mine derived.</summary>
public sealed class MineCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("tumorweb-mine-cli-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string In(string name) => Path.Combine(_work, name);

    [Fact]
    public async Task MineWritesADerivedRunThatTrainAccepts()
    {
        Assert.Equal(0, (await CliRunner.RunAsync("synth", In("slides"), "--slides", "3", "--normal", "1", "--size", "2048x2048", "--seed", "4",
            "--stain-shift", "0.5")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("extract", In("slides"), "--out", In("patches"), "--seed", "2", "--tumor-slide-threshold", "10")).ExitCode);
        File.WriteAllText(In("darkness.json"), """{ "kind": "darkness-baseline", "patchSize": 299, "threshold": 0.02 }""");

        var mined = await CliRunner.RunAsync("mine", "--model", In("darkness.json"), "--patches", In("patches"), "--top", "4", "--json");

        Assert.True(mined.ExitCode == 0, mined.Stderr);
        var json = mined.Json;
        Assert.Equal(In("patches") + "-hard-negatives-4", json.GetProperty("outputDirectory").GetString());
        Assert.Equal(Path.Combine(In("patches"), "catalog.db"), json.GetProperty("catalog").GetString());
        Assert.Equal("hard negatives: top 4 from model darkness.json", json.GetProperty("derivation").GetString());
        Assert.Equal(4, json.GetProperty("mined").GetArrayLength());
        Assert.Equal(json.GetProperty("originalPatches").GetInt32() + 4, json.GetProperty("patches").GetInt32());
        var scores = json.GetProperty("mined").EnumerateArray().Select(m => m.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);

        var trained = await CliRunner.RunAsync("train", "--patches", json.GetProperty("outputDirectory").GetString()!, "--db", json.GetProperty("catalog").GetString()!,
            "--model", "tiny", "--epochs", "1", "--batch", "8", "--max-steps", "1", "--out", In("run"), "--json");
        Assert.True(trained.ExitCode == 0, trained.Stderr);
        Assert.Equal(1, trained.Json.GetProperty("epochs").GetInt32());
    }

    [Fact]
    public async Task MineWithoutAnExtractionNamesTheMissingCatalog()
    {
        File.WriteAllText(In("darkness.json"), """{ "kind": "darkness-baseline", "patchSize": 299, "threshold": 0.02 }""");
        var result = await CliRunner.RunAsync("mine", "--model", In("darkness.json"), "--patches", In("nothing"), "--top", "4");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"error: {Path.Combine(In("nothing"), "catalog.db")}: catalog not found", result.Stderr);
    }

    [Fact]
    public async Task StainShiftOutsideMinusOneToThreeIsRefused()
    {
        var result = await CliRunner.RunAsync("synth", In("slides"), "--slides", "1", "--size", "1024x1024", "--seed", "1", "--stain-shift", "4");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the stain shift must be between -1 and 3 (got 4)", result.Stderr);
    }
}
