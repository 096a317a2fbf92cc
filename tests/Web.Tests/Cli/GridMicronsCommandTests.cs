namespace TumorWeb.Web.Tests.Cli;

/// <summary><c>grid --cell-microns</c> on a synthetic slide written at 0.25 µm per pixel.</summary>
public class GridMicronsCommandTests
{
    [Fact]
    public async Task CellMicronsBecomeTheSlidesPixelsAndTheUsersMppOverrides()
    {
        using var temp = new TempDirectory();
        var slide = Pipeline.Synthetic.SyntheticSlideGenerator.Generate(new Pipeline.Synthetic.SynthOptions(temp.Path, 1, 1024, 1024, Seed: 4))[0];

        var fromTags = await CliRunner.RunAsync("grid", slide.SlidePath, "--cell-microns", "64", "--json");
        var fromUser = await CliRunner.RunAsync("grid", slide.SlidePath, "--cell-microns", "64", "--mpp", "0.5", "--json");
        var bad = await CliRunner.RunAsync("grid", slide.SlidePath, "--cell-microns", "0");

        Assert.True(fromTags.ExitCode == 0, fromTags.Stderr);
        Assert.Equal((256, 4), (fromTags.Json.GetProperty("cellSize").GetInt32(), fromTags.Json.GetProperty("gridWidth").GetInt32()));
        Assert.Equal(128, fromUser.Json.GetProperty("cellSize").GetInt32());
        Assert.Equal((1, "error: --cell-microns must be a positive number of microns, not 0"), (bad.ExitCode, bad.Stderr.Trim()));
    }
}
