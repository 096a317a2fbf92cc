using TumorWeb.Pipeline.DeepZoom;
using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Pipeline.Tests.DeepZoom;

public sealed class CellOutlineTests
{
    [Fact]
    public void OneCellIsOutlinedByItsFourEdges()
    {
        var mask = new CellMask(3, 3) { [1, 1] = true };

        Assert.Equal(
            [new(1, 1, 2, 1), new(1, 2, 2, 2), new(1, 1, 1, 2), new(2, 1, 2, 2)],
            CellOutline.Segments(mask));
    }

    [Fact]
    public void EdgesOnOneLineJoinAndInnerEdgesVanish()
    {
        // Two cells side by side: one top and one bottom edge of length 2, no edge between them.
        var mask = new CellMask(4, 2) { [1, 0] = true, [2, 0] = true };

        Assert.Equal(
            [new(1, 0, 3, 0), new(1, 1, 3, 1), new(1, 0, 1, 1), new(3, 0, 3, 1)],
            CellOutline.Segments(mask));
    }

    [Fact]
    public void ALShapeHasSixCornersAndTheGridBorderCounts()
    {
        // x x
        // x .
        var mask = new CellMask(2, 2) { [0, 0] = true, [1, 0] = true, [0, 1] = true };

        Assert.Equal(
            [new(0, 0, 2, 0), new(1, 1, 2, 1), new(0, 2, 1, 2), new(0, 0, 0, 2), new(1, 1, 1, 2), new(2, 0, 2, 1)],
            CellOutline.Segments(mask));
    }

    [Fact]
    public void AnEmptyMaskHasNoOutline()
    {
        Assert.Empty(CellOutline.Segments(new CellMask(5, 4)));
    }
}
