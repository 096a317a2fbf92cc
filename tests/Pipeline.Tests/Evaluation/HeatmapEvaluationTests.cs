using System.Text.Json;
using TumorWeb.Pipeline.Evaluation;
using TumorWeb.Pipeline.Inference.Output;
using TumorWeb.Pipeline.Tests.Grid;
using TumorWeb.Pipeline.Tests.Inference;

namespace TumorWeb.Pipeline.Tests.Evaluation;

public sealed class HeatmapEvaluationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>
    /// tumor_001, written by hand as a script would: the docs' example (background 0, 0; normal
    /// tissue 0.3, 0.6; tumor 0.5 and 0.9 in two separate lesions); trained on normal_001.
    /// normal_001: four normal tissue cells, highest 0.4. slide_c: no ground truth.
    /// </summary>
    private string ThreeSlides()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir.Path, "tumor_001")).FullName;
        File.WriteAllText(Path.Combine(folder, "heatmap.json"),
            """{ "slide": "tumor_001", "gridWidth": 3, "gridHeight": 2, "model": "constant", "trainingSlides": ["/data/normal_001.tif", "tumor_016"] }""");
        File.WriteAllText(Path.Combine(folder, "cells.csv"),
            "x,y,tissue,label,score\n0,0,0,0,0\n1,0,1,0,0.3\n2,0,1,0,0.6\n0,1,1,1,0.5\n1,1,0,0,0\n2,1,1,1,0.9\n");
        NpyFile.Write([0f, 0.3f, 0.6f, 0.5f, 0f, 0.9f], 2, 3, Path.Combine(folder, "probabilities.npy"));
        HeatmapWriter.Write(HeatmapBuilder.Build("normal_001", ["##", "##"], ["..", ".."], [0.1f, 0.4f, 0.2f, 0f]), _dir.Path);
        HeatmapWriter.Write(HeatmapBuilder.Build("slide_c", ["##", "##"], null, [0.1f, 0.4f, 0.2f, 0f]), _dir.Path);
        return _dir.Path;
    }

    private static EvaluationReport Evaluate(string folder) => HeatmapEvaluation.Run(folder, new EvaluationOptions(), null, CancellationToken.None);

    [Fact]
    public void PerSlideAucsOverAllCellsAndTissueCells()
    {
        var report = Evaluate(ThreeSlides());
        Assert.Equal(["normal_001", "tumor_001"], report.Slides.Select(s => s.Name));
        var (normal, tumor) = (report.Slides[0], report.Slides[1]);
        Assert.Equal((0.875, 0.75), (tumor.Auc, tumor.AucTissue));
        Assert.Equal((6, 4, 2, true, 0.9f), (tumor.Cells, tumor.TissueCells, tumor.TumorCells, tumor.HasTumor, (float)tumor.MaxProbability));
        Assert.Equal((null, null), (normal.Auc, normal.AucTissue));
        Assert.Equal((false, 0.4f), (normal.HasTumor, (float)normal.MaxProbability));
        Assert.Equal(("#1f77b4", "#ff7f0e"), (normal.RocColour, tumor.RocColour));
    }

    [Fact]
    public void SlideAucAndFrocAcrossSlides()
    {
        var report = Evaluate(ThreeSlides());
        Assert.Equal(1.0, report.SlideAuc);
        Assert.Equal(2, report.Froc.Lesions);
        Assert.Equal([0.25, 0.5, 1, 2, 4, 8], report.Froc.SensitivityAt.Select(p => p.AverageFalsePositives));
        Assert.All(report.Froc.SensitivityAt, p => Assert.Equal(0.5, p.Sensitivity));
        Assert.Equal(0.5, report.Froc.Score);
    }

    [Fact]
    public void WarnsAboutSlidesSeenInTrainingAndSlidesWithoutGroundTruth()
    {
        var report = Evaluate(ThreeSlides());
        Assert.Equal([
            "slide_c has no ground truth (no mask or annotations when its heatmap was made): left out of every measure",
            "normal_001 was also used for training: its scores overstate how the model does on unseen slides",
        ], report.Warnings);
    }

    [Fact]
    public void WritesEvaluationJsonWithNullForUndefinedNumbersAndTheRocChart()
    {
        var folder = ThreeSlides();
        var report = Evaluate(folder);
        Assert.Equal(Path.Combine(folder, "evaluation.json"), report.EvaluationJson);
        Assert.Equal(Path.Combine(folder, "roc.png"), report.RocPng);
        using var json = JsonDocument.Parse(File.ReadAllText(report.EvaluationJson));
        var slides = json.RootElement.GetProperty("slides");
        Assert.Equal(JsonValueKind.Null, slides[0].GetProperty("auc").ValueKind);
        Assert.Equal(JsonValueKind.Null, slides[0].GetProperty("aucTissue").ValueKind);
        Assert.Equal(0.75, slides[1].GetProperty("aucTissue").GetDouble());
        Assert.Equal(1.0, json.RootElement.GetProperty("slideAuc").GetDouble());
        Assert.Equal(0.5, json.RootElement.GetProperty("froc").GetProperty("sensitivityAt")[0].GetProperty("sensitivity").GetDouble());
        Assert.Equal(2, json.RootElement.GetProperty("warnings").GetArrayLength());
        using var chart = NetVips.Image.NewFromFile(report.RocPng);
        Assert.Equal((512, 512), (chart.Width, chart.Height));
    }

    [Fact]
    public void OneSlideHasNoSlideLevelAucButStillAFroc()
    {
        HeatmapWriter.Write(HeatmapBuilder.DocsExample(), _dir.Path);
        var report = Evaluate(_dir.Path);
        Assert.Null(report.SlideAuc);
        Assert.Equal(0.5, report.Froc.Score);
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void OneSlidesOwnFolderCanBeEvaluated()
    {
        var (files, _) = HeatmapWriter.Write(HeatmapBuilder.DocsExample(), _dir.Path);
        var report = Evaluate(files.Folder);
        Assert.Equal("tumor_001", Assert.Single(report.Slides).Name);
        Assert.True(File.Exists(Path.Combine(files.Folder, "roc.png")));
    }

    [Fact]
    public void FolderWithoutHeatmapsOrWithoutGroundTruthIsAnError()
    {
        Assert.Equal($"{_dir.Path}: no heatmaps (no folder holding heatmap.json)",
            Assert.Throws<InvalidDataException>(() => Evaluate(_dir.Path)).Message);
        HeatmapWriter.Write(HeatmapBuilder.Build("slide_c", ["##"], null, [0.1f, 0.4f]), _dir.Path);
        Assert.Equal($"{_dir.Path}: none of the 1 heatmaps has ground truth; make them with --mask or --annotations",
            Assert.Throws<InvalidDataException>(() => Evaluate(_dir.Path)).Message);
        Assert.Throws<DirectoryNotFoundException>(() => Evaluate(Path.Combine(_dir.Path, "missing")));
    }

    [Fact]
    public void FilesThatDisagreeAreReportedByName()
    {
        var (files, _) = HeatmapWriter.Write(HeatmapBuilder.DocsExample(), _dir.Path);
        NpyFile.Write([0f, 0.3f, 0.6f, 0.5f, 0f, 0.8f], 2, 3, files.Probabilities);
        Assert.Equal($"{files.Cells}: cell 2,1 scores 0.9 but probabilities.npy has 0.8 (files from different runs?)",
            Assert.Throws<InvalidDataException>(() => Evaluate(_dir.Path)).Message);
        NpyFile.Write([0f, 0.3f, 0.6f, 0.5f, 0f, 0.8f], 3, 2, files.Probabilities);
        Assert.Equal($"{files.Probabilities}: shape (3, 2) but heatmap.json says (gridHeight, gridWidth) = (2, 3)",
            Assert.Throws<InvalidDataException>(() => Evaluate(_dir.Path)).Message);
        File.Delete(files.Cells);
        Assert.Equal($"{files.Cells}: missing from the heatmap folder", Assert.Throws<InvalidDataException>(() => Evaluate(_dir.Path)).Message);
    }
}
