using TumorWeb.Pipeline.Evaluation;

namespace TumorWeb.Pipeline.Tests.Evaluation;

public class CellAucTests
{
    private const bool T = true, F = false;

    // A 3 x 2 grid: two background cells (scored 0), normal tissue at 0.3 and 0.6, tumor at 0.5 and 0.9.
    private static readonly float[] Probabilities = [0f, 0.3f, 0.9f, 0f, 0.6f, 0.5f];
    private static readonly bool[] Tumor = [F, F, T, F, F, T];
    private static readonly bool[] Tissue = [F, T, T, F, T, T];

    [Fact]
    public void AllCellsCountTheBackgroundAsEasyNegatives() =>
        Assert.Equal(7.0 / 8, CellAuc.AllCells(Probabilities, Tumor).Auc);

    [Fact]
    public void TissueCellsRankTumorAgainstNormalTissueOnly() =>
        Assert.Equal(3.0 / 4, CellAuc.TissueCells(Probabilities, Tumor, Tissue).Auc);

    [Fact]
    public void TumorOutsideTheTissueIsLeftOut()
    {
        bool[] tissueMissingTumor = [F, T, F, F, T, T];

        Assert.Equal(1.0 / 2, CellAuc.TissueCells(Probabilities, Tumor, tissueMissingTumor).Auc);
    }

    [Fact]
    public void NormalSlideHasNoTissueAuc() =>
        Assert.True(double.IsNaN(CellAuc.TissueCells(Probabilities, new bool[6], Tissue).Auc));

    [Fact]
    public void MismatchedTissueMaskIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => CellAuc.TissueCells(Probabilities, Tumor, [T, T]));
        Assert.Contains("6 probabilities, 6 tumor labels and 2 tissue flags", error.Message);
    }
}
