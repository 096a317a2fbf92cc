using System.Text.Json;

namespace TumorWeb.Web.Tests.Cli;

/// <summary>synth -> grid -> extract -> export through the real executable, as a script would drive it.</summary>
public sealed class ExtractCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("tumorweb-cli-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string In(string name) => Path.Combine(_work, name);

    [Fact]
    public async Task SynthExtractAndExportProduceTheSeedsLayout()
    {
        var synth = await CliRunner.RunAsync("synth", In("slides"), "--slides", "3", "--normal", "1", "--size", "3072x2048", "--seed", "4", "--json");
        Assert.Equal(0, synth.ExitCode);
        Assert.Equal(3, synth.Json.GetProperty("slides").GetArrayLength());

        var extract = await CliRunner.RunAsync("extract", In("slides"), "--out", In("out"), "--seed", "2",
            "--tumor-slide-threshold", "10", "--validation-fraction", "0", "--test-fraction", "0", "--json");
        Assert.Equal(0, extract.ExitCode);
        var totals = extract.Json.GetProperty("totals");
        var tumor = totals.GetProperty("tumorExtracted").GetInt32();
        Assert.True(tumor > 0, extract.Stdout);
        Assert.Equal(tumor, totals.GetProperty("normalExtracted").GetInt32());
        foreach (var slide in extract.Json.GetProperty("slides").EnumerateArray())
        {
            Assert.Equal("Completed", slide.GetProperty("status").GetString());
            if (slide.GetProperty("role").GetString() == "Tumor")
                Assert.Equal(slide.GetProperty("tumorCells").GetInt32() / 3, slide.GetProperty("tumorExtracted").GetInt32());
        }

        var export = await CliRunner.RunAsync("export", In("out"), "--out", In("export"), "--json");
        Assert.Equal(0, export.ExitCode);
        var tumorPngs = Directory.GetFiles(In("export/patches/tumor"), "*.png");
        Assert.Equal(tumor, tumorPngs.Length);
        Assert.Equal(tumor, Directory.GetFiles(In("export/patches/normal"), "*.png").Length);
        Assert.Matches(@"^tumor_\d{3}_\d+_\d+\.png$", Path.GetFileName(tumorPngs[0]));
    }

    [Fact]
    public async Task GridJsonHasTheDocumentedFieldsAndAgreesForMaskAndAnnotations()
    {
        Assert.Equal(0, (await CliRunner.RunAsync("synth", In("s"), "--slides", "1", "--size", "2048x2048", "--seed", "9")).ExitCode);
        var byMask = await CliRunner.RunAsync("grid", In("s/tumor_001.tif"), "--mask", In("s/tumor_001_mask.tif"), "--json", "--png", In("grid.png"));
        var byXml = await CliRunner.RunAsync("grid", In("s/tumor_001.tif"), "--annotations", In("s/tumor_001.xml"), "--json");
        Assert.Equal(0, byMask.ExitCode);
        foreach (var field in new[] { "gridWidth", "gridHeight", "cellSize", "tissueCells", "tumorCells", "normalCells" })
            Assert.Equal(JsonValueKind.Number, byMask.Json.GetProperty(field).ValueKind);
        Assert.Equal(16, byMask.Json.GetProperty("gridWidth").GetInt32());
        Assert.True(byMask.Json.GetProperty("tumorCells").GetInt32() > 0);
        Assert.Equal(byMask.Json.GetProperty("tumorCells").GetInt32(), byXml.Json.GetProperty("tumorCells").GetInt32());
        Assert.True(new FileInfo(In("grid.png")).Length > 0);
        foreach (var field in new[] { "tissueSeconds", "tumorSeconds" })
            Assert.True(byMask.Json.GetProperty(field).GetDouble() >= 0);
        var maskScan = byMask.Json.GetProperty("maskScan");
        Assert.Equal("tiff-tiles", maskScan.GetProperty("method").GetString());
        Assert.Equal(64, maskScan.GetProperty("tiles").GetInt32());
        Assert.Equal(64, maskScan.GetProperty("tilesDecoded").GetInt32() + maskScan.GetProperty("tilesSkipped").GetInt32());
        Assert.Equal(JsonValueKind.Null, byXml.Json.GetProperty("maskScan").ValueKind);
    }

    [Fact]
    public async Task GridRefusesASlideOverMaxTissuePixelsWithTheNumbers()
    {
        Assert.Equal(0, (await CliRunner.RunAsync("synth", In("s"), "--slides", "1", "--size", "2048x2048", "--seed", "9")).ExitCode);

        var refused = await CliRunner.RunAsync("grid", In("s/tumor_001.tif"), "--max-tissue-pixels", "1000", "--json");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("tumor_001.tif: tissue detection would decode", refused.Stderr);
        Assert.Contains("the limit is 1,000 pixels", refused.Stderr);
    }

    [Fact]
    public async Task EmptyDatasetExitsOneNamingTheFolder()
    {
        Directory.CreateDirectory(In("empty"));
        var result = await CliRunner.RunAsync("extract", In("empty"), "--out", In("out"), "--json");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(In("empty"), result.Stderr);
        Assert.Contains("no slides found", result.Stderr);
    }

    [SkippableFact]
    public async Task ADatasetWithABadSlideExitsThreeAndStillExtractsTheOthers()
    {
        var unopenable = CliRunner.TestData("openslide-python/unopenable.tiff");
        Assert.Equal(0, (await CliRunner.RunAsync("synth", In("mixed"), "--slides", "1", "--size", "2048x2048", "--seed", "3")).ExitCode);
        File.Copy(unopenable, In("mixed/unopenable.tiff"));
        var result = await CliRunner.RunAsync("extract", In("mixed"), "--out", In("out"), "--tumor-slide-threshold", "5", "--json");
        Assert.Equal(3, result.ExitCode);
        var slides = result.Json.GetProperty("slides").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal("Failed", slides["unopenable"].GetProperty("status").GetString());
        Assert.Contains("Unsupported TIFF compression: 52479", slides["unopenable"].GetProperty("error").GetString());
        Assert.Equal("Completed", slides["tumor_001"].GetProperty("status").GetString());
    }
}
