using TumorWeb.Web.Tests.Cli;

namespace TumorWeb.Web.Tests.EndToEnd;

/// <summary>
/// The whole pipeline through the real executable: synthetic slides, extraction, training the
/// tiny CNN, heatmaps of the held-out slides, evaluation. The model must really learn.
/// </summary>
public sealed class TinyModelLearnsTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("tumorweb-e2e-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string In(string name) => Path.Combine(_work, name);

    private static async Task<CliRunner.Result> Run(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)} exited {result.ExitCode}: {result.Stderr}");
        return result;
    }

    [Fact]
    public async Task TinyModelReachesTissueAucOf095OnHeldOutSlides()
    {
        await Run("synth", In("slides"), "--slides", "6", "--normal", "2", "--size", "6144x6144", "--seed", "21", "--json");
        var extraction = await Run("extract", In("slides"), "--out", In("patches"), "--seed", "1", "--tumor-slide-threshold", "10", "--json");
        var heldOut = extraction.Json.GetProperty("slides").EnumerateArray()
            .Where(s => s.GetProperty("split").GetString() != "Train" && s.GetProperty("role").GetString() == "Tumor")
            .Select(s => s.GetProperty("name").GetString()!).ToList();
        Assert.NotEmpty(heldOut);

        var training = await Run("train", "--patches", In("patches"), "--model", "tiny", "--epochs", "8", "--out", In("run"), "--seed", "3", "--json");
        var checkpoint = training.Json.GetProperty("checkpoint").GetString()!;

        foreach (var slide in heldOut)
            await Run("heatmap", In($"slides/{slide}.tif"), "--model", checkpoint, "--out", In("heatmaps"), "--mask", In($"slides/{slide}_mask.tif"), "--json");
        var evaluation = await Run("evaluate", "--heatmaps", In("heatmaps"), "--json");

        var slides = evaluation.Json.GetProperty("slides").EnumerateArray().ToList();
        Assert.Equal(heldOut.Count, slides.Count);
        foreach (var slide in slides)
            Assert.True(slide.GetProperty("aucTissue").GetDouble() >= 0.95,
                $"{slide.GetProperty("name").GetString()}: tissue AUC {slide.GetProperty("aucTissue").GetDouble():0.000}");
        Assert.DoesNotContain(evaluation.Json.GetProperty("warnings").EnumerateArray(),
            w => w.GetString()!.Contains("training", StringComparison.OrdinalIgnoreCase));
    }
}
