using System.Text.Json;
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
    public async Task TtaIsRecordedAndLeavesTheRotationInvariantBaselineUnchanged()
    {
        // The darkness baseline counts dark pixels, which no rotation or mirror changes.
        var plain = await Heatmap(_slide.SlidePath, "--model", _model, "--out", In("plain"), "--json");
        var augmented = await Heatmap(_slide.SlidePath, "--model", _model, "--out", In("tta"), "--tta", "8", "--json");
        Assert.True(augmented.ExitCode == 0, augmented.Stderr);
        Assert.Equal((1, 8), (plain.Json.GetProperty("tta").GetInt32(), augmented.Json.GetProperty("tta").GetInt32()));
        var before = TumorWeb.Pipeline.Inference.Output.NpyFile.Read(plain.Json.GetProperty("files").GetProperty("probabilities").GetString()!).Values;
        var after = TumorWeb.Pipeline.Inference.Output.NpyFile.Read(augmented.Json.GetProperty("files").GetProperty("probabilities").GetString()!).Values;
        Assert.Equal(before, after);
        Assert.Contains(before, p => p > 0);

        var wrong = await Heatmap(_slide.SlidePath, "--model", _model, "--out", In("wrong"), "--tta", "3");
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("--tta must be 1, 4 or 8, not 3", wrong.Stderr);
    }

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

        var noSlide = await Heatmap(In("missing.tif"), "--model", _model, "--out", In("out"));
        Assert.Equal((1, $"error: {In("missing.tif")}: file not found"), (noSlide.ExitCode, noSlide.Stderr.Trim()));

        var noFolder = await Evaluate("--heatmaps", In("nowhere"));
        Assert.Equal((1, $"error: {In("nowhere")}: no such directory"), (noFolder.ExitCode, noFolder.Stderr.Trim()));
        Assert.False(Directory.Exists(In("out")));
    }
}
