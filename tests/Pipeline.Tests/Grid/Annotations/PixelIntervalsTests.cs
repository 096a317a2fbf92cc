using TumorWeb.Pipeline.Grid.Annotations;

namespace TumorWeb.Pipeline.Tests.Grid.Annotations;

public class PixelIntervalsTests
{
    [Fact]
    public void UnionMergesOverlappingAndTouchingRunsAndDropsEmptyOnes() =>
        Assert.Equal(
            [new(0, 15), new(20, 30)],
            PixelIntervals.Union([new(10, 15), new(0, 5), new(5, 10), new(20, 25), new(22, 30), new(40, 40)]));

    [Fact]
    public void SubtractCutsHolesAndEnds() =>
        Assert.Equal(
            [new(0, 3), new(5, 8), new(22, 25)],
            PixelIntervals.Subtract([new(0, 10), new(20, 25), new(30, 35)], [new(3, 5), new(8, 22), new(29, 40)]));

    [Fact]
    public void SubtractingNothingKeepsEverything() =>
        Assert.Equal([new(1, 2), new(4, 9)], PixelIntervals.Subtract([new(1, 2), new(4, 9)], []));
}
