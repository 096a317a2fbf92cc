using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Evaluation;
using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Pipeline.Tests.Evaluation;

/// <summary>Which chosen slides the model saw: by content identity, not by name or folder.</summary>
public sealed class EvaluationPlanTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("tumorweb-plan-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string Slide(string relative, int seed)
    {
        var path = Path.Combine(_work, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = new byte[200_000];
        new Random(seed).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static EvaluationPlan Plan(IEnumerable<string> trainingPaths, bool withHashes) => new(
        new TrainingRun(), "c", 1, [], new GridOptions(),
        trainingPaths.Select(path => new RunSlide
        {
            SlidePath = Path.GetFullPath(path),
            ContentHash = withHashes ? Pipeline.Slides.SlideFingerprint.Of(path) : null,
            Split = DataSplit.Train,
        }).ToList());

    [Fact]
    public void ARenamedCopyInAnotherDatasetIsFlaggedAndAnotherLabsTumor001IsNot()
    {
        var trained = Slide("lab-a/tumor_001.tif", seed: 1);
        var copy = Slide("lab-b/renamed.tif", seed: 1);
        var namesake = Slide("lab-c/tumor_001.tif", seed: 2);
        var plan = Plan([trained], withHashes: true);

        Assert.True(plan.UsedInTraining(new RegisteredSlide { Name = "renamed", SlidePath = copy }));
        Assert.False(plan.UsedInTraining(new RegisteredSlide { Name = "tumor_001", SlidePath = namesake }));
        Assert.True(plan.UsedInTraining(new RegisteredSlide { Name = "tumor_001", SlidePath = namesake, ContentHash = Pipeline.Slides.SlideFingerprint.Of(trained) }));
    }

    [Fact]
    public void AnExtractionWithoutIdentitiesFallsBackToTheSlidesPath()
    {
        var trained = Slide("lab-a/tumor_001.tif", seed: 1);
        var plan = Plan([trained], withHashes: false);

        Assert.True(plan.UsedInTraining(new RegisteredSlide { SlidePath = trained }));
        Assert.False(plan.UsedInTraining(new RegisteredSlide { SlidePath = Slide("lab-b/renamed.tif", seed: 1) }));
    }
}
