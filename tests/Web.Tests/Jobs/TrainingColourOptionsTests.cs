using TumorWeb.Pipeline.Stain;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Jobs.Runners;
using TumorWeb.Web.Features.Runs;

namespace TumorWeb.Web.Tests.Jobs;

/// <summary>The web form's and the API's colour settings reach the training stage as the CLI's do.</summary>
public sealed class TrainingColourOptionsTests
{
    [Fact]
    public void JobParametersMapToTheTrainingOptions()
    {
        var options = TrainingJobRunner.Options(new TrainingJobParameters(3, ColorAugment: "strong", StainNormalize: "macenko",
            StainReference: " /slides/a.tif@0,0,512,512 "), "/p", "/o", "/db");

        Assert.Equal((ColorAugment.Strong, StainMethod.Macenko, "/slides/a.tif@0,0,512,512"), (options.ColorAugment, options.StainNormalize, options.StainReference));
    }

    [Fact]
    public void DefaultsAreRawColoursWithoutReference()
    {
        var options = TrainingJobRunner.Options(new TrainingJobParameters(3, StainReference: ""), "/p", "/o", "/db");

        Assert.Equal((ColorAugment.None, StainMethod.None, null), (options.ColorAugment, options.StainNormalize, options.StainReference));
    }

    [Fact]
    public void AnUnknownLevelIsRefusedWithTheChoices()
    {
        var error = Assert.Throws<ArgumentException>(() => TrainingJobRunner.Options(new TrainingJobParameters(3, ColorAugment: "heavy"), "/p", "/o", "/db"));
        Assert.Equal("colour augmentation must be none, light or strong (got heavy)", error.Message);
    }

    [Fact]
    public void EvaluationPagesSayWhetherTheModelNormalises()
    {
        var target = new SlideStain(MacenkoStain.Reference, new ReinhardStain(60, 20, -10, 8, 4, 4), 1000);

        Assert.Equal("raw colours (no stain normalisation)", ColourSettings.Describe((StainModel?)null));
        Assert.Equal("raw colours (no stain normalisation)", ColourSettings.Describe(new StainModel("none", null, null, null)));
        Assert.Equal("stain normalisation macenko (to median of 4 training slides)",
            ColourSettings.Describe(new StainModel("macenko", target, "median of 4 training slides", null)));
    }

    [Fact]
    public void CompareRunsListsTheColourOptions()
    {
        Assert.Contains("colorAugment", RunComparison.ShownSettings);
        Assert.Contains("stainNormalize", RunComparison.ShownSettings);
        Assert.Contains("stainReference", RunComparison.ShownSettings);
        Assert.Equal("stain normalize", SettingWords.Of("stainNormalize"));
    }
}
