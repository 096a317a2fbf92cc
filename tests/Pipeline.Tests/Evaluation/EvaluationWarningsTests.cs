using TumorWeb.Pipeline.Evaluation;

namespace TumorWeb.Pipeline.Tests.Evaluation;

public class EvaluationWarningsTests
{
    [Fact]
    public void TrainingSlidesMatchByNameWhateverTheirFolderExtensionOrCase()
    {
        var warnings = EvaluationWarnings.TrainedOn(["tumor_064", "tumor_091", "tumor_110"], ["slides/Tumor_064.tif", "tumor_110", "tumor_016.tif"]);
        Assert.Equal([
            "tumor_064 was also used for training: its scores overstate how the model does on unseen slides",
            "tumor_110 was also used for training: its scores overstate how the model does on unseen slides",
        ], warnings);
    }

    [Fact]
    public void WithContentIdentitiesARenamedCopyIsFlaggedAndAnotherLabsNamesakeIsNot()
    {
        var warnings = EvaluationWarnings.TrainedOn([("tumor_001", "9:bbb"), ("copy_of_tumor_002", "9:aaa")], ["tumor_001", "tumor_002"], ["9:aaa", "9:ccc"]);
        Assert.Equal(["copy_of_tumor_002 was also used for training: its scores overstate how the model does on unseen slides"], warnings);
    }

    [Fact]
    public void WithoutIdentitiesOnEitherSideNamesAreCompared()
    {
        Assert.Single(EvaluationWarnings.TrainedOn([("tumor_001", null)], ["tumor_001"], ["9:aaa"]));
        Assert.Single(EvaluationWarnings.TrainedOn([("tumor_001", "9:bbb")], ["tumor_001"], []));
    }

    [Fact]
    public void NoOverlapNoWarning() => Assert.Empty(EvaluationWarnings.TrainedOn(["tumor_064"], []));

    [Fact]
    public void HeatmapsFromSeveralModelsAreFlagged()
    {
        Assert.Empty(EvaluationWarnings.MixedModels(["a", "a"]));
        Assert.Equal(["the heatmaps come from 2 models (a, b): the numbers mix them"], EvaluationWarnings.MixedModels(["b", "a", "b"]));
    }

    [Fact]
    public void AHeatmapsOwnWarningsAreNamedWithItsSlide()
    {
        Assert.Equal(["normal_004: this slide's stain is outside what the model was trained on; its scores may not mean much (x)"],
            EvaluationWarnings.OfHeatmap("normal_004", ["this slide's stain is outside what the model was trained on; its scores may not mean much (x)"]));
        Assert.Empty(EvaluationWarnings.OfHeatmap("tumor_001", null));
    }
}
