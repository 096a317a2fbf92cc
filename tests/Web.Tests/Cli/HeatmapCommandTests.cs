using System.Text.Json;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Pipeline.Inference.Output;
using TumorWeb.Pipeline.Synthetic;
using TumorWeb.Web.Cli;

namespace TumorWeb.Web.Tests.Cli;

/// <summary>heatmap then evaluate, as a user would chain them, with the darkness baseline on a synthetic slide.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class HeatmapCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("tumorweb-heatmap-").FullName;
    private readonly SyntheticSlide _slide;
    private readonly string _model;

    public HeatmapCommandTests()
    {
        _slide = SyntheticSlideGenerator.Generate(new SynthOptions(In("slides"), Slides: 1, Width: 2048, Height: 2048, Seed: 9))[0];
        _model = In("baseline.json");
        File.WriteAllText(_model, """{ "kind": "darkness-baseline", "patchSize": 299, "threshold": 0.02 }""");
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string In(string name) => Path.Combine(_work, name);

    private static Task<CliRunner.Result> Heatmap(params string[] args) => InProcessCli.RunAsync(HeatmapCommand.Create(), ["heatmap", .. args]);
    private static Task<CliRunner.Result> Evaluate(params string[] args) => InProcessCli.RunAsync(EvaluateCommand.Create(), ["evaluate", .. args]);

    [Fact]
    public async Task HeatmapWritesTheSlidesFolderAndEvaluateReadsIt()
    {
        var heatmap = await Heatmap(_slide.SlidePath, "--model", _model, "--out", In("out"), "--mask", _slide.MaskPath, "--batch", "16", "--json");
        Assert.True(heatmap.ExitCode == 0, heatmap.Stderr);
        var summary = heatmap.Json;
        Assert.Equal("tumor_001", summary.GetProperty("slide").GetString());
        Assert.Equal((16, 16, 128), (summary.GetProperty("gridWidth").GetInt32(), summary.GetProperty("gridHeight").GetInt32(), summary.GetProperty("cellSize").GetInt32()));
        Assert.True(summary.GetProperty("tissueCells").GetInt32() > summary.GetProperty("tumorCells").GetInt32());
        Assert.Equal("darkness-baseline (threshold 0.02)", summary.GetProperty("model").GetString());
        Assert.Equal(16, summary.GetProperty("batchSize").GetInt32());
        Assert.True(summary.GetProperty("cellsPerSecond").GetDouble() > 0);
        var tissueAuc = summary.GetProperty("aucTissue").GetDouble();
        Assert.True(tissueAuc > 0.9, $"tissue AUC {tissueAuc}");
        var files = summary.GetProperty("files");
        Assert.Equal(In("out/tumor_001"), files.GetProperty("folder").GetString());
        foreach (var file in new[] { "probabilities", "cells", "heatmapPng", "comparisonPng", "summary" })
            Assert.True(File.Exists(files.GetProperty(file).GetString()), file);

        var evaluation = await Evaluate("--heatmaps", In("out"), "--json");
        Assert.True(evaluation.ExitCode == 0, evaluation.Stderr);
        var report = evaluation.Json;
        var slide = Assert.Single(report.GetProperty("slides").EnumerateArray());
        Assert.Equal("tumor_001", slide.GetProperty("name").GetString());
        Assert.Equal(summary.GetProperty("auc").GetDouble(), slide.GetProperty("auc").GetDouble());
        Assert.Equal(tissueAuc, slide.GetProperty("aucTissue").GetDouble());
        // One tumor slide alone has no slide-level AUC: NaN is written as null.
        Assert.Equal(JsonValueKind.Null, report.GetProperty("slideAuc").ValueKind);
        var froc = report.GetProperty("froc");
        Assert.Equal(0.25, froc.GetProperty("sensitivityAt")[0].GetProperty("averageFalsePositives").GetDouble());
        Assert.Equal(JsonValueKind.Number, froc.GetProperty("sensitivityAt")[0].GetProperty("sensitivity").ValueKind);
        Assert.Equal(JsonValueKind.Number, froc.GetProperty("score").ValueKind);
        Assert.Equal(0, report.GetProperty("warnings").GetArrayLength());
        Assert.True(File.Exists(report.GetProperty("rocPng").GetString()));
    }

    [Fact]
    public async Task PredictedRegionsGoToGeoJsonAndAsapXmlAndComeBackToTheCellsAboveTheThreshold()
    {
        var heatmap = await Heatmap(_slide.SlidePath, "--model", _model, "--out", In("out"), "--json",
            "--geojson", In("regions.geojson"), "--asap-xml", In("regions.xml"), "--threshold", "0.6");
        Assert.True(heatmap.ExitCode == 0, heatmap.Stderr);
        Assert.Equal(In("regions.geojson"), heatmap.Json.GetProperty("files").GetProperty("geojson").GetString());
        Assert.Equal(0.6, heatmap.Json.GetProperty("regions").GetProperty("threshold").GetDouble());
        var count = heatmap.Json.GetProperty("regions").GetProperty("count").GetInt32();
        Assert.True(count > 0);

        var (probabilities, height, width) = NpyFile.Read(heatmap.Json.GetProperty("files").GetProperty("probabilities").GetString()!);
        var expected = Enumerable.Range(0, height).Select(y => new string(Enumerable.Range(0, width).Select(x => probabilities[y * width + x] >= 0.6f ? '#' : '.').ToArray())).ToArray();
        var fromGeoJson = GeoJsonAnnotationReader.Read(In("regions.geojson"), new SlideExtent(2048, 2048));
        var fromXml = AsapAnnotationReader.Read(In("regions.xml"));
        Assert.Equal(count, fromGeoJson.Tumor.Count);
        Assert.Equal(expected, Draw(AnnotationRasterizer.TumorCells(fromGeoJson, 2048, 2048, 128)));
        Assert.Equal(expected, Draw(AnnotationRasterizer.TumorCells(fromXml, 2048, 2048, 128)));
    }

    private static string[] Draw(TumorWeb.Pipeline.Grid.CellMask mask) =>
        Enumerable.Range(0, mask.Height).Select(y => new string(Enumerable.Range(0, mask.Width).Select(x => mask[x, y] ? '#' : '.').ToArray())).ToArray();

    [Fact]
    public async Task SizesInMicronsGiveTheCellAndPatchOfTheSlidesResolution()
    {
        // The synthetic slide is 0.25 µm/px: 32 µm cells are 128 pixels; 149.5 µm patches are 598 pixels, resampled to 299.
        var heatmap = await Heatmap(_slide.SlidePath, "--model", _model, "--out", In("microns"), "--json", "--mask", _slide.MaskPath,
            "--cell-microns", "32", "--patch-microns", "149.5");
        Assert.True(heatmap.ExitCode == 0, heatmap.Stderr);
        Assert.Equal(128, heatmap.Json.GetProperty("cellSize").GetInt32());
        Assert.True(heatmap.Json.GetProperty("aucTissue").GetDouble() > 0.8);

        var coarse = await Heatmap(_slide.SlidePath, "--model", _model, "--out", In("coarse"), "--json", "--cell-microns", "64", "--mpp", "0.25");
        Assert.True(coarse.ExitCode == 0, coarse.Stderr);
        Assert.Equal((256, 8), (coarse.Json.GetProperty("cellSize").GetInt32(), coarse.Json.GetProperty("gridWidth").GetInt32()));

        var bad = await Heatmap(_slide.SlidePath, "--model", _model, "--out", In("bad"), "--patch-microns", "-3");
        Assert.Equal((1, "error: --patch-microns must be a positive number of microns, not -3"), (bad.ExitCode, bad.Stderr.Trim()));
    }

    [Fact]
    public async Task ASlideWithoutAResolutionIsRefusedForMicronsNamingTheFile()
    {
        var plain = In("plain.tif");
        using (var image = (NetVips.Image.Black(1024, 1024, bands: 3) + 200).Cast(NetVips.Enums.BandFormat.Uchar))
            image.Tiffsave(plain, tile: true, pyramid: true);

        var refused = await Heatmap(plain, "--model", _model, "--out", In("out"), "--patch-microns", "100");

        Assert.Equal(1, refused.ExitCode);
        Assert.Equal($"error: {plain}: the slide does not say its resolution (no openslide.mpp-x, no TIFF XResolution with a centimeter or inch unit); give it with --mpp",
            refused.Stderr.Trim());
    }

    [Fact]
    public async Task EvaluateWithoutJsonPrintsATable()
    {
        Assert.Equal(0, (await Heatmap(_slide.SlidePath, "--model", _model, "--out", In("out"), "--annotations", _slide.AnnotationPath)).ExitCode);
        var evaluation = await Evaluate("--heatmaps", In("out"));
        Assert.True(evaluation.ExitCode == 0, evaluation.Stderr);
        Assert.Contains("tumor_001", evaluation.Stdout);
        Assert.Contains("slide-level AUC: n/a", evaluation.Stdout);
        Assert.Contains($"ROC chart: {In("out/roc.png")}", evaluation.Stdout);
    }

    [Fact]
    public async Task HeatmapWithoutGroundTruthHasNullAucsAndCannotBeEvaluated()
    {
        var heatmap = await Heatmap(_slide.SlidePath, "--model", _model, "--out", In("out"), "--json");
        Assert.True(heatmap.ExitCode == 0, heatmap.Stderr);
        Assert.Equal(JsonValueKind.Null, heatmap.Json.GetProperty("auc").ValueKind);
        Assert.Equal(JsonValueKind.Null, heatmap.Json.GetProperty("aucTissue").ValueKind);
        var evaluation = await Evaluate("--heatmaps", In("out"), "--json");
        Assert.Equal(1, evaluation.ExitCode);
        Assert.Contains("none of the 1 heatmaps has ground truth", evaluation.Stderr);
        Assert.Equal("", evaluation.Stdout);
    }

    [Fact]
    public async Task BadArgumentsExitOneNamingTheProblem()
    {
        var missingModel = await Heatmap(_slide.SlidePath, "--model", In("nope.json"), "--out", In("out"));
        Assert.Equal((1, $"error: {In("nope.json")}: model file not found"), (missingModel.ExitCode, missingModel.Stderr.Trim()));

        File.WriteAllText(In("other.json"), """{ "kind": "tiny-cnn" }""");
        var unknown = await Heatmap(_slide.SlidePath, "--model", In("other.json"), "--out", In("out"));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains($"{In("other.json")}: not a model file this build can load", unknown.Stderr);

        var both = await Heatmap(_slide.SlidePath, "--model", _model, "--out", In("out"), "--mask", _slide.MaskPath, "--annotations", _slide.AnnotationPath);
        Assert.Equal((1, $"error: {_slide.SlidePath}: give either --mask or --annotations, not both"), (both.ExitCode, both.Stderr.Trim()));

        var batch = await Heatmap(_slide.SlidePath, "--model", _model, "--out", In("out"), "--batch", "0");
        Assert.Equal((1, "error: --batch must be at least 1, not 0"), (batch.ExitCode, batch.Stderr.Trim()));

        var threshold = await Heatmap(_slide.SlidePath, "--model", _model, "--out", In("out"), "--geojson", In("r.geojson"), "--threshold", "0");
        Assert.Equal((1, "error: --threshold must be above 0 and at most 1, not 0"), (threshold.ExitCode, threshold.Stderr.Trim()));

        var noSlide = await Heatmap(In("missing.tif"), "--model", _model, "--out", In("out"));
        Assert.Equal((1, $"error: {In("missing.tif")}: file not found"), (noSlide.ExitCode, noSlide.Stderr.Trim()));

        var noFolder = await Evaluate("--heatmaps", In("nowhere"));
        Assert.Equal((1, $"error: {In("nowhere")}: no such directory"), (noFolder.ExitCode, noFolder.Stderr.Trim()));
        Assert.False(Directory.Exists(In("out")));
    }
}
