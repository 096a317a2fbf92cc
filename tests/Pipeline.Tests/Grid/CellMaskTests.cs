using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Pipeline.Tests.Grid;

public class CellMaskTests
{
    [Fact]
    public void CellsAreListedInRowOrder() =>
        Assert.Equal([(1, 0), (0, 1), (2, 1)], CellMasks.Parse(".#.", "#.#").Cells());

    [Fact]
    public void CountIsTheNumberOfSetCells() => Assert.Equal(3, CellMasks.Parse(".#.", "#.#").Count);

    [Fact]
    public void ExceptKeepsCellsNotInTheOther() =>
        Assert.Equal(["...", "#.."], CellMasks.Draw(CellMasks.Parse(".#.", "#.#").Except(CellMasks.Parse("##.", "..#"))));

    [Fact]
    public void ExceptNeedsTheSameGrid() =>
        Assert.Throws<ArgumentException>(() => new CellMask(3, 2).Except(new CellMask(2, 3)));

    [Fact]
    public void CellOutsideTheGridIsRefused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new CellMask(4, 3)[4, 0]);
        Assert.Contains("cell (4, 0) is outside the 4x3 grid", error.Message);
    }
}
