using System.Text.Json;
using TumorWeb.Pipeline.Inference.Output;
using TumorWeb.Pipeline.Tests.Grid;

namespace TumorWeb.Pipeline.Tests.Inference;

public class HeatmapWriterTests
{
    [Fact]
    public void WritesTheFiveFilesIntoTheSlidesFolder()
    {
        using var dir = new TempDirectory();
        var (files, _) = HeatmapWriter.Write(HeatmapBuilder.DocsExample(), dir.Path);
        Assert.Equal(Path.Combine(dir.Path, "tumor_001"), files.Folder);
        Assert.Equal(["cells.csv", "comparison.png", "heatmap.json", "heatmap.png", "probabilities.npy"],
            Directory.GetFiles(files.Folder).Select(Path.GetFileName).Order());
        Assert.Equal([0f, 0.3f, 0.6f, 0.5f, 0f, 0.9f], NpyFile.Read(files.Probabilities).Values);
        Assert.StartsWith("x,y,tissue,label,score\n0,0,0,0,0\n1,0,1,0,0.3\n", File.ReadAllText(files.Cells));
    }

    [Fact]
    public void SummaryHasTheDocumentedFieldsAndTheSlidesAucs()
    {
        using var dir = new TempDirectory();
        var (files, summary) = HeatmapWriter.Write(HeatmapBuilder.DocsExample(trainingSlides: ["tumor_016"]), dir.Path);
        Assert.Equal(0.875, summary.Auc);
        Assert.Equal(0.75, summary.AucTissue);
        using var json = JsonDocument.Parse(File.ReadAllText(files.Summary));
        var root = json.RootElement;
        Assert.Equal("tumor_001", root.GetProperty("slide").GetString());
        Assert.Equal((3, 2, 128), (root.GetProperty("gridWidth").GetInt32(), root.GetProperty("gridHeight").GetInt32(), root.GetProperty("cellSize").GetInt32()));
        Assert.Equal((4, 2), (root.GetProperty("tissueCells").GetInt32(), root.GetProperty("tumorCells").GetInt32()));
        Assert.Equal("constant", root.GetProperty("model").GetString());
        Assert.Equal((2.0, 2.0), (root.GetProperty("seconds").GetDouble(), root.GetProperty("cellsPerSecond").GetDouble()));
        Assert.Equal((0.875, 0.75), (root.GetProperty("auc").GetDouble(), root.GetProperty("aucTissue").GetDouble()));
        Assert.Equal("tumor_016", root.GetProperty("trainingSlides")[0].GetString());
        Assert.Equal("none", root.GetProperty("stainNormalize").GetString());
        Assert.Equal(0, root.GetProperty("warnings").GetArrayLength());
        Assert.Equal(summary, HeatmapSummaryFile.Read(files.Summary) with { TrainingSlides = summary.TrainingSlides, Warnings = summary.Warnings });
    }

    [Fact]
    public void WithoutGroundTruthTheAucsAreNull()
    {
        using var dir = new TempDirectory();
        var heatmap = HeatmapBuilder.Build("slide_9", [".#", "##"], null, [0f, 0.5f, 0.25f, 1f]);
        var (files, _) = HeatmapWriter.Write(heatmap, dir.Path);
        using var json = JsonDocument.Parse(File.ReadAllText(files.Summary));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("auc").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("aucTissue").ValueKind);
        Assert.False(json.RootElement.GetProperty("hasGroundTruth").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("trainingSlides").GetArrayLength());
    }

    [Fact]
    public void PngsAreZoomedToAViewableSize()
    {
        using var dir = new TempDirectory();
        var (files, _) = HeatmapWriter.Write(HeatmapBuilder.DocsExample(), dir.Path);
        using var heatmap = NetVips.Image.NewFromFile(files.HeatmapPng);
        using var comparison = NetVips.Image.NewFromFile(files.ComparisonPng);
        // 3 x 2 cells at zoom 171 (the least that makes them 512 wide).
        Assert.Equal((513, 342), (heatmap.Width, heatmap.Height));
        Assert.Equal((8 + 513 + 16 + 513 + 8, 30 + 342 + 8), (comparison.Width, comparison.Height));
    }
}
