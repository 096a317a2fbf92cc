using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Charts;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Runs;

namespace TumorWeb.Web.Tests.Pages;

public sealed class RunHelpersTests
{
    private static readonly DateTimeOffset Start = RunRows.Start;

    [Fact]
    public void TimeLeftFollowsThePaceSoFar()
    {
        Assert.Equal(TimeSpan.FromMinutes(30), RunEta.Remaining(Start, Start.AddMinutes(10), 0.25));
        Assert.Null(RunEta.Remaining(Start, Start.AddMinutes(10), 0));
        Assert.Null(RunEta.Remaining(Start, Start.AddMinutes(10), 1));
    }

    [Theory]
    [InlineData(12, "12 s")]
    [InlineData(250, "4 min 10 s")]
    [InlineData(3900, "1 h 05 min")]
    public void TimeLeftReadsAsHoursMinutesOrSeconds(int seconds, string expected) =>
        Assert.Equal(expected, RunEta.Format(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData("epoch-003.ckpt", 3)]
    [InlineData("epoch-120.ckpt", 120)]
    [InlineData("latest.ckpt", null)]
    [InlineData("epoch-x.ckpt", null)]
    public void EpochCheckpointsAreNumberedInTheirNames(string name, int? epoch) =>
        Assert.Equal(epoch, CheckpointFiles.EpochFromName(name));

    [Fact]
    public void AFolderWithoutCheckpointsListsNothing() =>
        Assert.Empty(CheckpointFiles.List(Path.Combine(Path.GetTempPath(), "no-such-run-" + Guid.NewGuid())));

    [Fact]
    public void ALivePointAlreadyLoadedIsNotDrawnTwice()
    {
        var run = new TrainingRun();
        var curves = new TrainingCurves([RunRows.Metric(run, TrainingPhase.Validation, 1, 20, 0.5, 0.8)]);

        Assert.False(curves.Add(new RunMetric("validation", 1, 20, 0.5, 0.8, null)));
        Assert.True(curves.Add(new RunMetric("train", 2, 10, 0.6, 0.7, null)));
        Assert.False(curves.Add(new RunMetric("test", 2, 30, 0.6, 0.7, null)));

        Assert.Equal([new ApexPoint(20, 0.5)], curves.Loss[1].Points);
        Assert.Equal([new ApexPoint(10, 0.7)], curves.Accuracy[0].Points);
    }

    [Fact]
    public void AnOutOfOrderPointTakesItsPlaceByStep()
    {
        var curves = new TrainingCurves([]);
        curves.Add(new RunMetric("train", 1, 30, 0.3, 0.9, null));
        curves.Add(new RunMetric("train", 1, 10, 0.6, 0.6, null));

        Assert.Equal([10.0, 30.0], curves.Loss[0].Points.Select(p => p.X));
    }

    [Fact]
    public void ComparisonTakesTheLastEpochAsFinalAndTheBestOfEachNumber()
    {
        var run = new TrainingRun { Id = 4, Preset = "tiny", Hyperparameters = """{"epochs":3,"learningRate":0.001,"augment":true,"weightsFile":null}""" };
        TrainingMetric[] metrics =
        [
            RunRows.Metric(run, TrainingPhase.Validation, 1, 10, 0.40, 0.85, 0.90),
            RunRows.Metric(run, TrainingPhase.Validation, 2, 20, 0.35, 0.82, 0.93),
            RunRows.Metric(run, TrainingPhase.Validation, 3, 30, 0.45, 0.80, null),
            RunRows.Metric(run, TrainingPhase.Train, 3, 30, 0.10, 0.99),
        ];

        var summary = RunComparison.Summarize(run, metrics);

        Assert.Equal(new ValidationNumbers(0.45, 0.80, null), summary.Final);
        Assert.Equal(new ValidationNumbers(0.35, 0.85, 0.93), summary.Best);
        Assert.Equal(3, summary.Epochs);
        Assert.Equal(("3", "0.001", "yes", "—"), (summary.Hyperparameters["epochs"], summary.Hyperparameters["learningRate"], summary.Hyperparameters["augment"], summary.Hyperparameters["weightsFile"]));
    }

    [Fact]
    public void ARunWithoutValidationHasNoNumbersToCompare()
    {
        var summary = RunComparison.Summarize(new TrainingRun { Hyperparameters = "not json" }, []);

        Assert.Null(summary.Final);
        Assert.Empty(summary.Hyperparameters);
    }

    [Fact]
    public void EvaluatedSlidesMatchRegisteredOnesByPathThenByNameInTheDataset()
    {
        RegisteredSlide[] registered =
        [
            new() { Id = 11, DatasetId = 1, Name = "tumor_001", SlidePath = "/data/a/tumor_001.tif" },
            new() { Id = 12, DatasetId = 2, Name = "normal_002", SlidePath = "/data/b/normal_002.tif" },
            new() { Id = 13, DatasetId = 1, Name = "normal_003", SlidePath = "/data/a/normal_003.tif" },
        ];
        EvaluationSlide[] evaluated =
        [
            new() { Id = 1, Name = "tumor_001", SlidePath = "/data/a/tumor_001.tif" },
            new() { Id = 2, Name = "normal_002", SlidePath = "/mnt/b/normal_002.tif" },
            new() { Id = 3, Name = "normal_003", SlidePath = "/mnt/a/normal_003.tif" },
        ];

        var links = ViewerLinks.Match(evaluated, registered, datasetId: 1);

        Assert.Equal(new Dictionary<int, int> { [1] = 11, [3] = 13 }, links);
        Assert.Equal("slides/13?evaluation=5&slide=3", ViewerLinks.Href(13, 5, 3));
    }
}
