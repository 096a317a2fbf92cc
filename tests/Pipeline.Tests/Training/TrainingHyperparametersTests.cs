using TumorWeb.Pipeline.Stain;
using TumorWeb.Pipeline.Training;

namespace TumorWeb.Pipeline.Tests.Training;

public sealed class TrainingHyperparametersTests
{
    private static TrainingHyperparameters For(ModelPreset preset) =>
        TrainingHyperparameters.From(new TrainingOptions { PatchesDirectory = "/p", Preset = preset }, 299);

    [Fact]
    public void PresetsTakeTheSeedsBatchSizeRateAndAugmentation()
    {
        var scratch = For(ModelPreset.InceptionV3);
        Assert.Equal(("inception-v3", 8, 2e-5, true), (scratch.Model, scratch.BatchSize, scratch.LearningRate, scratch.Augment));
        var frozen = For(ModelPreset.InceptionV3Frozen);
        Assert.Equal(("inception-v3-frozen", 32, 2e-5, false), (frozen.Model, frozen.BatchSize, frozen.LearningRate, frozen.Augment));
        var tiny = For(ModelPreset.Tiny);
        Assert.Equal(("tiny", 32, 1e-3, true), (tiny.Model, tiny.BatchSize, tiny.LearningRate, tiny.Augment));
    }

    [Fact]
    public void SettingsSurviveTheirJson()
    {
        var hyper = For(ModelPreset.ResNet18Frozen) with { MaxStepsPerEpoch = 7, WeightsFile = "/w/resnet18.dat" };

        Assert.Equal(hyper, TrainingHyperparameters.FromJson(hyper.ToJson()));
    }

    [Theory]
    [InlineData("tiny", ModelPreset.Tiny)]
    [InlineData("resnet18-frozen", ModelPreset.ResNet18Frozen)]
    [InlineData("Inception-V3", ModelPreset.InceptionV3)]
    [InlineData("inception-v3-frozen", ModelPreset.InceptionV3Frozen)]
    public void ModelNamesParse(string name, ModelPreset preset) => Assert.Equal(preset, ModelPresets.Parse(name));

    [Fact]
    public void UnknownModelListsTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => ModelPresets.Parse("vgg16"));
        Assert.Equal("unknown model 'vgg16': use one of tiny, resnet18-frozen, inception-v3, inception-v3-frozen", error.Message);
    }

    [Fact]
    public void ZeroEpochsIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            TrainingHyperparameters.From(new TrainingOptions { PatchesDirectory = "/p", Epochs = 0 }, 299));
        Assert.Equal("epochs must be between 1 and 1000 (got 0)", error.Message);
    }

    [Fact]
    public void ColourOptionsAreRecordedByName()
    {
        var hyper = TrainingHyperparameters.From(new TrainingOptions
        {
            PatchesDirectory = "/p", ColorAugment = ColorAugment.Light, StainNormalize = StainMethod.Reinhard,
        }, 299);

        Assert.Equal(("light", "reinhard", null), (hyper.ColorAugment, hyper.StainNormalize, hyper.StainReference));
        Assert.Contains("\"colorAugment\":\"light\"", hyper.ToJson());
        Assert.Contains("\"stainNormalize\":\"reinhard\"", hyper.ToJson());
    }

    [Fact]
    public void RunsRecordedBeforeColourOptionsReadAsRawColours()
    {
        var json = """{"model":"tiny","patchSize":299,"epochs":1,"batchSize":8,"learningRate":0.001,"weightDecay":0,"augment":true,"seed":1,"threads":0,"checkpointMinutes":10,"maxStepsPerEpoch":null,"weightsFile":null,"metricEvery":10}""";

        var hyper = TrainingHyperparameters.FromJson(json);

        Assert.Equal(("none", "none", null), (hyper.ColorAugment, hyper.StainNormalize, hyper.StainReference));
    }

    [Fact]
    public void AStainReferenceWithoutNormalisationIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            TrainingHyperparameters.From(new TrainingOptions { PatchesDirectory = "/p", StainReference = "/s.tif@0,0,512,512" }, 299));
        Assert.Equal("a stain reference needs a stain normalisation: add --stain-normalize macenko or reinhard", error.Message);
    }

    [Fact]
    public void AMalformedStainReferenceSaysTheForm()
    {
        var error = Assert.Throws<ArgumentException>(() => TrainingHyperparameters.From(new TrainingOptions
        {
            PatchesDirectory = "/p", StainNormalize = StainMethod.Macenko, StainReference = "slide.tif:0,0,512",
        }, 299));
        Assert.StartsWith("stain reference must be slide@x,y,w,h in level-0 pixels", error.Message);
    }

    [Fact]
    public void AStainReferenceOnAMissingSlideNamesIt()
    {
        var error = Assert.Throws<ArgumentException>(() => TrainingHyperparameters.From(new TrainingOptions
        {
            PatchesDirectory = "/p", StainNormalize = StainMethod.Macenko, StainReference = "/nowhere/slide.tif@0,0,512,512",
        }, 299));
        Assert.Equal("/nowhere/slide.tif: stain reference slide not found", error.Message);
    }
}
