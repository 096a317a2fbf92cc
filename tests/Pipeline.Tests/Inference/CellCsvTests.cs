using TumorWeb.Pipeline.Inference.Output;
using TumorWeb.Pipeline.Tests.Grid;

namespace TumorWeb.Pipeline.Tests.Inference;

public class CellCsvTests
{
    private static HeatmapCells Cells(bool labelled) => new(3, 2,
        [false, true, true, true, false, true],
        labelled ? [false, false, false, true, false, true] : null,
        [0f, 0.3f, 0.6f, 0.5f, 0f, 0.9f]);

    [Fact]
    public void OneRowPerCellInRowOrderWithLabelsAndRoundTrippableScores()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cells.csv");
        CellCsv.Write(path, Cells(labelled: true));
        Assert.Equal("x,y,tissue,label,score\n0,0,0,0,0\n1,0,1,0,0.3\n2,0,1,0,0.6\n0,1,1,1,0.5\n1,1,0,0,0\n2,1,1,1,0.9\n", File.ReadAllText(path));
    }

    [Fact]
    public void LabelIsEmptyWithoutGroundTruth()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cells.csv");
        CellCsv.Write(path, Cells(labelled: false));
        Assert.StartsWith("x,y,tissue,label,score\n0,0,0,,0\n1,0,1,,0.3\n", File.ReadAllText(path));
        Assert.Null(CellCsv.Read(path, 3, 2).Tumor);
    }

    [Fact]
    public void ReadGivesBackTheCells()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cells.csv");
        var cells = Cells(labelled: true) with { Probabilities = [0f, 1e-7f, 0.1f + 0.2f, 1f / 3, 0.99999994f, 1f] };
        CellCsv.Write(path, cells);
        var read = CellCsv.Read(path, 3, 2);
        Assert.Equal(cells.Tissue, read.Tissue);
        Assert.Equal(cells.Tumor, read.Tumor);
        Assert.Equal(cells.Probabilities, read.Probabilities);
    }

    [Theory]
    [InlineData("x,y,tissue,label,score\n0,0,0,0,0\n", 3, "the file ends after 1 of 6 cells")]
    [InlineData("x,y,label,score\n", 1, "the first line must be \"x,y,tissue,label,score\"")]
    [InlineData("x,y,tissue,label,score\n1,0,0,0,0\n", 2, "expected cell 0,0, got 1,0")]
    [InlineData("x,y,tissue,label,score\n0,0,2,0,0\n", 2, "tissue must be 0 or 1, not \"2\"")]
    [InlineData("x,y,tissue,label,score\n0,0,0,0,high\n", 2, "score \"high\" is not a number")]
    [InlineData("x,y,tissue,label,score\n0,0,0,0,0\n1,0,0,,0\n", 3, "some cells have a label and some do not")]
    public void MalformedRowsAreReportedWithFileAndLine(string text, int line, string reason)
    {
        using var dir = new TempDirectory();
        var path = dir.File("cells.csv", text);
        Assert.Equal($"{path}:{line}: {reason}", Assert.Throws<InvalidDataException>(() => CellCsv.Read(path, 3, 2)).Message);
    }
}
