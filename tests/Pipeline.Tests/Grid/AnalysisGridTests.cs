using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Pipeline.Tests.Grid;

public class AnalysisGridTests
{
    [Theory]
    [InlineData(512, 384, 128, 4, 3)]
    [InlineData(300, 200, 128, 3, 2)]
    [InlineData(128, 128, 128, 1, 1)]
    [InlineData(129, 1, 128, 2, 1)]
    [InlineData(97792, 221184, 128, 764, 1728)]
    [InlineData(300, 200, 100, 3, 2)]
    public void GridCountsPartialEdgeCells(long width, long height, int cellSize, int across, int down) =>
        Assert.Equal(new GridSize(across, down), AnalysisGrid.Size(width, height, cellSize));

    [Fact]
    public void CellIsItsSquareOfLevelZeroPixels() =>
        Assert.Equal(new LevelZeroRect(384, 256, 128, 128), AnalysisGrid.Cell(3, 2, 128));

    [Fact]
    public void EdgeCellOnSlideIsCutAtTheSlideEdge() =>
        Assert.Equal(new LevelZeroRect(256, 128, 44, 72), AnalysisGrid.CellOnSlide(2, 1, 128, 300, 200));

    [Theory]
    [InlineData(0, 0, -85, -85)]
    [InlineData(1, 0, 43, -85)]
    [InlineData(3, 2, 299, 171)]
    [InlineData(100, 700, 12715, 89515)]
    public void ContextPatchIsCentredOnTheCellLikeTheSeed(int x, int y, long left, long top) =>
        Assert.Equal(new LevelZeroRect(left, top, 299, 299), AnalysisGrid.ContextPatch(x, y, 128, 299));

    [Fact]
    public void ContextPatchOfAnEvenPatchSizeIsCentredToo() =>
        Assert.Equal(new LevelZeroRect(-64, -64, 256, 256), AnalysisGrid.ContextPatch(0, 0, 128, 256));
}
