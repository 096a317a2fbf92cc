using TumorWeb.Pipeline.Inference.Baseline;
using TumorWeb.Pipeline.Tests.Grid;

namespace TumorWeb.Pipeline.Tests.Inference;

public class DarknessBaselineTests
{
    [Fact]
    public void DarkPixelsAreDarkAndAtLeastAsBlueAsRed()
    {
        byte[] patch =
        [
            60, 40, 120,   // nucleus purple: dark, blue above red
            200, 120, 170, // eosin pink: too bright
            120, 40, 60,   // dark but red above blue
            240, 240, 240, // glass
        ];
        Assert.Equal(0.25f, DarkPixels.Fraction(patch, 140));
        Assert.False(DarkPixels.IsDark(140, 140, 140, 140));
        Assert.True(DarkPixels.IsDark(139, 140, 140, 140));
    }

    [Fact]
    public void ProbabilityIsALogisticOfTheDarkFraction()
    {
        var model = new DarknessModel(PatchSize: 1, Threshold: 0.02);
        Assert.Equal(0.5f, model.Probability(0.02f), 6);
        Assert.Equal(0.0179862f, model.Probability(0f), 6);
        Assert.Equal(0.9933072f, model.Probability(0.045f), 6);
    }

    [Fact]
    public void ClassifierScoresEachPatchOfTheBatch()
    {
        using var classifier = new DarknessClassifier(new DarknessModel(PatchSize: 2, Threshold: 0.5, Steepness: 10));
        byte[] patches =
        [
            20, 20, 40, 20, 20, 40, 20, 20, 40, 20, 20, 40,         // all dark
            20, 20, 40, 250, 250, 250, 250, 250, 250, 250, 250, 250, // a quarter dark
        ];
        var scores = classifier.Score(patches, 2);
        Assert.Equal(0.9933072f, scores[0], 6);
        Assert.Equal(0.0758582f, scores[1], 6);
        Assert.Equal("darkness-baseline (threshold 0.5)", classifier.Name);
    }

    [Fact]
    public void ModelFileRoundTripsAndFillsDefaults()
    {
        using var dir = new TempDirectory();
        var path = dir.File("model.json", """{ "kind": "darkness-baseline", "patchSize": 299, "threshold": 0.02 }""");
        Assert.True(DarknessModelFile.IsDarknessModel(path));
        var model = DarknessModelFile.Read(path);
        Assert.Equal(new DarknessModel(299, 0.02, 200, 140), model);
        DarknessModelFile.Write(model with { Steepness = 50 }, dir.File("again.json"));
        Assert.Equal(model with { Steepness = 50 }, DarknessModelFile.Read(dir.File("again.json")));
    }

    [Theory]
    [InlineData("""{ "kind": "darkness-baseline", "patchSize": 299 }""", "not a darkness-baseline model file: ")]
    [InlineData("""{ "kind": "darkness-baseline", "patchSize": 299, "threshold": 2 }""", "threshold is a fraction of pixels in [0, 1], not 2")]
    [InlineData("""{ "kind": "inception", "patchSize": 299, "threshold": 0.1 }""", "kind is \"inception\", not \"darkness-baseline\"")]
    [InlineData("""[1, 2]""", "not a darkness-baseline model file: ")]
    public void BadModelFilesAreRefusedNamingTheFile(string json, string reason)
    {
        using var dir = new TempDirectory();
        var path = dir.File("model.json", json);
        Assert.StartsWith($"{path}: {reason}", Assert.Throws<InvalidDataException>(() => DarknessModelFile.Read(path)).Message);
    }

    [Fact]
    public void OtherFilesAreNotDarknessModels()
    {
        using var dir = new TempDirectory();
        Assert.False(DarknessModelFile.IsDarknessModel(dir.File("a.json", """{ "kind": "tiny-cnn" }""")));
        Assert.False(DarknessModelFile.IsDarknessModel(dir.File("b.pt", "\u0001\u0002 binary")));
        var padded = """{ "kind": "darkness-baseline", "patchSize": 299, "threshold": 0.02 }""" + new string(' ', 70_000);
        Assert.False(DarknessModelFile.IsDarknessModel(dir.File("c.json", padded)));
    }
}
