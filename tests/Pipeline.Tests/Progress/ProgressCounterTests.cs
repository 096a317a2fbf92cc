using TumorWeb.Pipeline.Progress;

namespace TumorWeb.Pipeline.Tests.Progress;

public class ProgressCounterTests
{
    private sealed class Recorder : IProgress<StageProgress>
    {
        public List<StageProgress> Reports { get; } = [];
        public void Report(StageProgress value) => Reports.Add(value);
    }

    [Fact]
    public void FirstAndLastUnitsAreAlwaysReportedAndTheRestThrottled()
    {
        var recorder = new Recorder();
        var counter = new ProgressCounter("extract", 100, recorder, TimeSpan.FromHours(1));
        for (var i = 0; i < 100; i++) counter.Add(1, "slide");
        Assert.Equal([1L, 100L], recorder.Reports.Select(r => r.Done));
        Assert.All(recorder.Reports, r => Assert.Equal(("extract", 100L), (r.Stage, r.Total)));
    }

    [Fact]
    public void ZeroIntervalReportsEveryUnit()
    {
        var recorder = new Recorder();
        var counter = new ProgressCounter("grid", 3, recorder, TimeSpan.Zero);
        counter.Add(1);
        counter.Add(2);
        Assert.Equal([1L, 3L], recorder.Reports.Select(r => r.Done));
    }
}
