using TumorWeb.Pipeline.Sampling;

namespace TumorWeb.Pipeline.Tests.Sampling;

public class SplitAssignerTests
{
    private static (string, bool)[] Slides(int tumor, int normal) =>
        Enumerable.Range(0, tumor).Select(i => ($"tumor_{i}", true))
            .Concat(Enumerable.Range(0, normal).Select(i => ($"normal_{i}", false))).ToArray();

    [Fact]
    public void TumorAndNormalSlidesAreSplitSeparately()
    {
        var splits = SplitAssigner.Assign(Slides(5, 5), new SplitOptions(0.2, 0.2, Seed: 1));
        foreach (var prefix in new[] { "tumor", "normal" })
        {
            var group = splits.Where(s => s.Key.StartsWith(prefix)).Select(s => s.Value).ToList();
            Assert.Equal(3, group.Count(s => s == SlideSplit.Train));
            Assert.Equal(1, group.Count(s => s == SlideSplit.Validation));
            Assert.Equal(1, group.Count(s => s == SlideSplit.Test));
        }
    }

    [Fact]
    public void ALoneSlideAlwaysTrains()
    {
        var splits = SplitAssigner.Assign(Slides(1, 1), new SplitOptions(0.5, 0.5));
        Assert.All(splits.Values, s => Assert.Equal(SlideSplit.Train, s));
    }

    [Fact]
    public void SplitIsDeterministicForASeed()
    {
        var slides = Slides(10, 0);
        Assert.Equal(SplitAssigner.Assign(slides, new SplitOptions(Seed: 4)), SplitAssigner.Assign(slides, new SplitOptions(Seed: 4)));
        Assert.NotEqual(
            SplitAssigner.Assign(slides, new SplitOptions(Seed: 4)).OrderBy(p => p.Key),
            SplitAssigner.Assign(slides, new SplitOptions(Seed: 5)).OrderBy(p => p.Key));
    }
}
