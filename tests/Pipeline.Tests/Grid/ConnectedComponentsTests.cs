using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Pipeline.Tests.Grid;

public class ConnectedComponentsTests
{
    private static readonly CellMask Sample = CellMasks.Parse(
        "##...",
        ".#..#",
        "....#",
        "#..#.");

    [Fact]
    public void DiagonalNeighboursJoinOneComponent()
    {
        var components = ConnectedComponents.Label(Sample);
        Assert.Equal(3, components.Count);
        Assert.Equal([0, 3, 3, 1], components.Sizes);
        Assert.Equal(1, components[1, 1]);
        Assert.Equal(2, components[4, 1]);
        Assert.Equal(2, components[3, 3]);
        Assert.Equal(3, components[0, 3]);
        Assert.Equal(0, components[2, 0]);
    }

    [Fact]
    public void RemoveSmallDropsComponentsBelowTheMinimum() =>
        Assert.Equal(
            ["##...", ".#..#", "....#", "...#."],
            CellMasks.Draw(ConnectedComponents.RemoveSmall(Sample, 2)));

    [Fact]
    public void RemoveSmallKeepsComponentsOfExactlyTheMinimum() =>
        Assert.Equal(6, ConnectedComponents.RemoveSmall(Sample, 3).Count);

    [Fact]
    public void RemoveSmallAboveEveryComponentLeavesNothing() =>
        Assert.Equal(0, ConnectedComponents.RemoveSmall(Sample, 4).Count);
}
