using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Mining;
using TumorWeb.Pipeline.Tests.Grid;

namespace TumorWeb.Pipeline.Tests.Mining;

public class HardNegativeSelectionTests
{
    [Fact]
    public void KeepsTheTopKBestFirstWithTiesBySlideThenRowThenColumn()
    {
        var selection = new HardNegativeSelection(4);
        ScoredCell[] offered =
        [
            new("normal_001", 3, 1, 0.20f),
            new("tumor_002", 0, 0, 0.90f),
            new("normal_001", 5, 2, 0.75f),
            new("tumor_001", 7, 0, 0.75f),
            new("normal_001", 1, 2, 0.75f),
            new("tumor_002", 4, 4, 0.10f),
            new("normal_001", 0, 3, 0.60f),
            new("tumor_001", 2, 9, 0.99f),
        ];
        foreach (var cell in offered) selection.Add(cell);

        Assert.Equal(
        [
            new ScoredCell("tumor_001", 2, 9, 0.99f),
            new ScoredCell("tumor_002", 0, 0, 0.90f),
            new ScoredCell("normal_001", 1, 2, 0.75f),
            new ScoredCell("normal_001", 5, 2, 0.75f),
        ], selection.Best());
        Assert.Equal(8, selection.Offered);
    }

    [Fact]
    public void FewerCandidatesThanKAreAllKept()
    {
        var selection = new HardNegativeSelection(10);
        selection.Add(new ScoredCell("a", 0, 0, 0.1f));
        selection.Add(new ScoredCell("a", 1, 0, 0.3f));
        Assert.Equal([new ScoredCell("a", 1, 0, 0.3f), new ScoredCell("a", 0, 0, 0.1f)], selection.Best());
    }

    [Fact]
    public void CandidatesAreNormalCellsNotYetSampled()
    {
        var normal = CellMasks.Parse(".##.", "###.", "..##");
        var candidates = MiningCandidates.Of(normal, new HashSet<(int X, int Y)> { (1, 0), (0, 1), (3, 0), (3, 2) });
        Assert.Equal([(2, 0), (1, 1), (2, 1), (2, 2)], candidates.Cells());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(MiningOptions.MaxTop + 1)]
    public void TopOutOfRangeIsRefused(int top)
    {
        var options = new MiningOptions { PatchesDirectory = "/data/patches", ModelPath = "model.ckpt", Top = top };
        Assert.Contains("--top must be between 1 and", Assert.Throws<ArgumentException>(options.Validate).Message);
    }

    [Fact]
    public void DerivedRunGoesBesideTheSourceByDefault() =>
        Assert.Equal("/data/patches-hard-negatives-200",
            new MiningOptions { PatchesDirectory = "/data/patches/", ModelPath = "m", Top = 200 }.OutputFolder);
}
