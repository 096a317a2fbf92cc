using TumorWeb.Pipeline.Sampling;
using static TumorWeb.Pipeline.Tests.Sampling.SamplingSlideBuilder;

namespace TumorWeb.Pipeline.Tests.Sampling;

public class PatchSamplerTests
{
    private static readonly SamplingSlide[] Dataset =
    [
        Slide("tumor_a", tumor: 9, normal: 10),
        Slide("normal_a", tumor: 0, normal: 100, isTumorSlide: false),
        Slide("normal_b", tumor: 2, normal: 1, isTumorSlide: false),
    ];

    private static Dictionary<(string, CellLabel), int> Counts(IEnumerable<SampledCell> cells) =>
        cells.GroupBy(c => (c.Slide, c.Label)).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public void TumorSlideGivesAThirdOfItsTumorCellsAndHalfAsManyNormals()
    {
        var counts = Counts(PatchSampler.Sample(Dataset, new SamplingOptions(Seed: 1)));
        Assert.Equal(3, counts[("tumor_a", CellLabel.Tumor)]);
        Assert.Equal(1, counts[("tumor_a", CellLabel.Normal)]);
    }

    [Fact]
    public void NormalSlidesMakeUpTheBalanceEvenlyAndGiveNoTumorCells()
    {
        var cells = PatchSampler.Sample(Dataset, new SamplingOptions(Seed: 1));
        var counts = Counts(cells);
        Assert.Equal(1, counts[("normal_a", CellLabel.Normal)]);
        Assert.Equal(1, counts[("normal_b", CellLabel.Normal)]);
        Assert.DoesNotContain(cells, c => c.Slide.StartsWith("normal") && c.Label == CellLabel.Tumor);
        Assert.Equal(cells.Count(c => c.Label == CellLabel.Tumor), cells.Count(c => c.Label == CellLabel.Normal));
    }

    [Fact]
    public void TheSeedsFloorIsKeptForCountsNotDivisibleByThree()
    {
        var counts = Counts(PatchSampler.Sample([Slide("t", tumor: 8, normal: 50)], new SamplingOptions()));
        Assert.Equal(2, counts[("t", CellLabel.Tumor)]);
        Assert.Equal(1, counts[("t", CellLabel.Normal)]);
    }

    [Fact]
    public void SameSeedSameCellsOtherSeedOtherCells()
    {
        var big = new[] { Slide("t", tumor: 300, normal: 300), Slide("n", tumor: 0, normal: 300, isTumorSlide: false) };
        var first = PatchSampler.Sample(big, new SamplingOptions(Seed: 7));
        var again = PatchSampler.Sample(big.Reverse().ToArray(), new SamplingOptions(Seed: 7));
        var other = PatchSampler.Sample(big, new SamplingOptions(Seed: 8));
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void SampledCellsAreDistinctAndComeFromTheRightClass()
    {
        var slide = Slide("t", tumor: 90, normal: 90);
        var cells = PatchSampler.Sample([slide], new SamplingOptions(Seed: 3));
        Assert.Equal(cells.Count, cells.Distinct().Count());
        Assert.All(cells.Where(c => c.Label == CellLabel.Tumor), c => Assert.Contains(new GridCell(c.X, c.Y), slide.TumorCells));
        Assert.All(cells.Where(c => c.Label == CellLabel.Normal), c => Assert.Contains(new GridCell(c.X, c.Y), slide.NormalCells));
    }

    [Fact]
    public void EachSplitIsBalancedOnItsOwn()
    {
        var slides = new[]
        {
            Slide("t1", tumor: 30, normal: 30, split: SlideSplit.Train),
            Slide("n1", tumor: 0, normal: 30, isTumorSlide: false, split: SlideSplit.Train),
            Slide("t2", tumor: 60, normal: 60, split: SlideSplit.Validation),
            Slide("n2", tumor: 0, normal: 60, isTumorSlide: false, split: SlideSplit.Validation),
        };
        var cells = PatchSampler.Sample(slides, new SamplingOptions());
        var train = cells.Where(c => c.Split == SlideSplit.Train).ToList();
        var validation = cells.Where(c => c.Split == SlideSplit.Validation).ToList();
        Assert.Equal((10, 10), (train.Count(c => c.Label == CellLabel.Tumor), train.Count(c => c.Label == CellLabel.Normal)));
        Assert.Equal((20, 20), (validation.Count(c => c.Label == CellLabel.Tumor), validation.Count(c => c.Label == CellLabel.Normal)));
    }
}
