using TumorWeb.Pipeline.Evaluation;

namespace TumorWeb.Pipeline.Tests.Evaluation;

public class ConnectedLesionsTests
{
    private static bool[] Mask(params int[] cells) => cells.Select(c => c != 0).ToArray();

    [Fact]
    public void DiagonalNeighboursJoinAndRowEndsDoNot()
    {
        var mask = Mask(
            1, 1, 0, 0, 1,
            0, 1, 0, 0, 0,
            0, 0, 1, 0, 0,
            0, 0, 0, 0, 1,
            1, 0, 0, 1, 1);

        var lesions = ConnectedLesions.Label(mask, 5, 5);

        Assert.Equal(4, lesions.Count);
        Assert.Equal(
        [
            1, 1, 0, 0, 2,
            0, 1, 0, 0, 0,
            0, 0, 1, 0, 0,
            0, 0, 0, 0, 3,
            4, 0, 0, 3, 3,
        ], lesions.Labels);
        Assert.Equal(3, lesions.LabelAt(3, 4));
    }

    [Fact]
    public void AWindingLesionIsOne()
    {
        var mask = Mask(
            1, 1, 1, 1,
            0, 0, 0, 1,
            1, 1, 1, 1,
            1, 0, 0, 0);

        var lesions = ConnectedLesions.Label(mask, 4, 4);

        Assert.Equal(1, lesions.Count);
        Assert.Equal(10, lesions.Labels.Count(l => l == 1));
    }

    [Fact]
    public void NoTumorGivesNoLesion() =>
        Assert.Equal(0, ConnectedLesions.Label(new bool[6], 3, 2).Count);

    [Fact]
    public void WrongGridSizeIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => ConnectedLesions.Label(new bool[5], 3, 2));
        Assert.Contains("a 3 x 2 grid needs 6 cells, got 5", error.Message);
    }
}
