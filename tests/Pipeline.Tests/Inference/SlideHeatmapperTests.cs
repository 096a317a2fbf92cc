using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Inference;
using TumorWeb.Pipeline.Inference.Baseline;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Tests.Inference;

public class SlideHeatmapperTests(InferenceSlidesFixture data) : IClassFixture<InferenceSlidesFixture>
{
    private static Task<SlideHeatmap> Run(string slide, string? mask, IPatchClassifier model, int batchSize = 32) =>
        SlideHeatmapper.RunAsync(slide, mask, null, model, new HeatmapOptions { BatchSize = batchSize }, null, CancellationToken.None);

    [Fact]
    public async Task DarknessBaselineSeparatesTumorFromNormalTissue()
    {
        foreach (var slide in data.Slides)
        {
            var heatmap = await Run(slide.SlidePath, slide.MaskPath, new DarknessClassifier(InferenceSlidesFixture.Baseline));
            Assert.True(heatmap.HasGroundTruth);
            Assert.True(heatmap.Grid.Stats.TumorCells > 0);
            Assert.True(heatmap.TissueAuc > 0.95, $"{slide.Name}: tissue AUC {heatmap.TissueAuc}");
            Assert.True(heatmap.AllCellsAuc > 0.95, $"{slide.Name}: all-cells AUC {heatmap.AllCellsAuc}");
        }
    }

    [Fact]
    public async Task TissueCellsGetTheModelsScoreAndOthersZero()
    {
        var slide = data.Slides[0];
        var heatmap = await Run(slide.SlidePath, slide.MaskPath, new ConstantClassifier(0.25f));
        var tissue = heatmap.Grid.Tissue;
        Assert.Equal(tissue.Count, heatmap.Scores.ScoredCells);
        Assert.Equal(24 * 24, heatmap.Probabilities.Length);
        for (var y = 0; y < tissue.Height; y++)
        for (var x = 0; x < tissue.Width; x++)
            Assert.Equal(tissue[x, y] ? 0.25f : 0f, heatmap.Probabilities[y * tissue.Width + x]);
    }

    [Fact]
    public async Task ModelSeesExactlyTheContextPatchOfEachTissueCell()
    {
        var slide = data.Slides[1];
        var model = new RecordingClassifier(299, _ => 0.5f);
        var heatmap = await Run(slide.SlidePath, slide.MaskPath, model, batchSize: 5);
        var cells = heatmap.Grid.Tissue.Cells().ToList();
        Assert.Equal(cells.Count, model.Fingerprints.Count);
        using var image = OpenSlideSlide.Open(slide.SlidePath);
        foreach (var index in new[] { 0, 1, cells.Count / 2, cells.Count - 1 })
        {
            var (x, y) = cells[index];
            var rect = AnalysisGrid.ContextPatch(x, y, AnalysisGrid.DefaultCellSize, 299);
            var expected = image.ReadRegion(new RegionRequest(0, rect.X, rect.Y, rect.Width, rect.Height));
            Assert.Equal(RecordingClassifier.Fingerprint(expected.Pixels), model.Fingerprints[index]);
        }
    }

    [Fact]
    public async Task BatchSizeDoesNotChangeAnyProbability()
    {
        var slide = data.Slides[0];
        var baseline = new DarknessClassifier(InferenceSlidesFixture.Baseline);
        var one = await Run(slide.SlidePath, slide.MaskPath, baseline, 1);
        var seven = await Run(slide.SlidePath, slide.MaskPath, baseline, 7);
        var many = await Run(slide.SlidePath, slide.MaskPath, baseline, 64);
        Assert.Contains(one.Probabilities, p => p > 0.5f);
        Assert.Equal(one.Probabilities, seven.Probabilities);
        Assert.Equal(one.Probabilities, many.Probabilities);
    }

    [Fact]
    public async Task WithoutMaskOrAnnotationsTheAucsAreUndefined()
    {
        var slide = data.Slides[0];
        var heatmap = await Run(slide.SlidePath, null, new ConstantClassifier(0.5f));
        Assert.False(heatmap.HasGroundTruth);
        Assert.Equal(0, heatmap.Grid.Stats.TumorCells);
        Assert.True(double.IsNaN(heatmap.AllCellsAuc));
        Assert.True(double.IsNaN(heatmap.TissueAuc));
        Assert.Equal("tumor_001", heatmap.SlideName);
    }

    [Fact]
    public async Task AnnotationsGiveTheSameGroundTruthAsTheMask()
    {
        var slide = data.Slides[0];
        var model = new ConstantClassifier(0.5f);
        var byMask = await Run(slide.SlidePath, slide.MaskPath, model);
        var byXml = await SlideHeatmapper.RunAsync(slide.SlidePath, null, slide.AnnotationPath, model, new HeatmapOptions(), null, CancellationToken.None);
        Assert.Equal(byMask.Grid.Tumor.Cells(), byXml.Grid.Tumor.Cells());
        Assert.True(byXml.HasGroundTruth);
    }
}
