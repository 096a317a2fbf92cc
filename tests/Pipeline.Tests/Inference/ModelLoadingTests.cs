using TumorWeb.Pipeline.Inference.Baseline;
using TumorWeb.Pipeline.Inference;

namespace TumorWeb.Pipeline.Tests.Inference;

public sealed class ModelLoadingTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("tumorweb-model-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void DarknessBaselineFileLoadsAsItsClassifierWithNoTrainingSlides()
    {
        var path = Path.Combine(_work, "baseline.json");
        File.WriteAllText(path, """{ "kind": "darkness-baseline", "patchSize": 299, "threshold": 0.03 }""");
        using var model = ModelLoading.Load(path);
        Assert.IsType<DarknessClassifier>(model.Classifier);
        Assert.Equal(299, model.Classifier.PatchSize);
        Assert.Empty(model.TrainingSlides);
    }

    [Fact]
    public void AnythingElseIsRefusedNamingTheFile()
    {
        var path = Path.Combine(_work, "weights.pt");
        File.WriteAllBytes(path, [0x80, 0x02, 0x7d]);
        Assert.Equal($"{path}: not a model file this build can load (a train checkpoint or darkness-baseline JSON)",
            Assert.Throws<InvalidDataException>(() => ModelLoading.Load(path)).Message);
    }
}
