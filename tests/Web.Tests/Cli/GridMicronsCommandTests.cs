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

    [Fact]
    public async Task PatchMicronsAreReportedInTheSlidesLevelZeroPixels()
    {
        using var temp = new TempDirectory();
        var slide = Pipeline.Synthetic.SyntheticSlideGenerator.Generate(new Pipeline.Synthetic.SynthOptions(temp.Path, 1, 1024, 1024, Seed: 4))[0];

        var result = await CliRunner.RunAsync("grid", slide.SlidePath, "--patch-microns", "74.75", "--json");
        var without = await CliRunner.RunAsync("grid", slide.SlidePath, "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        // 74.75 µm at 0.25 µm per pixel: 299 level-0 pixels; the cells keep their 128 pixels.
        Assert.Equal((74.75, 299, 128), (result.Json.GetProperty("patchMicrons").GetDouble(),
            result.Json.GetProperty("patchPixels").GetInt32(), result.Json.GetProperty("cellSize").GetInt32()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, without.Json.GetProperty("patchPixels").ValueKind);
    }
}
