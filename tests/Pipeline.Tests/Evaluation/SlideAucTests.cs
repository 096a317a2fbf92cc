using TumorWeb.Pipeline.Evaluation;

namespace TumorWeb.Pipeline.Tests.Evaluation;

public class SlideAucTests
{
    [Fact]
    public void SlidesAreRankedByTheirMaxima()
    {
        SlideOutcome[] slides =
        [
            new("tumor_a", 0.95f, true), new("normal_b", 0.3f, false),
            new("tumor_c", 0.7f, true), new("normal_d", 0.8f, false),
        ];

        Assert.Equal(0.75, SlideAuc.Curve(slides).Auc);
    }

    [Fact]
    public void AGridGivesItsMaximumAndWhetherItHasTumor()
    {
        var outcome = SlideOutcome.FromGrid("tumor_001", [0.1f, 0.7f, 0.4f], [false, false, true]);

        Assert.Equal(new SlideOutcome("tumor_001", 0.7f, true), outcome);
        Assert.False(SlideOutcome.FromGrid("normal_001", [0.2f], [false]).HasTumor);
    }

    [Fact]
    public void OnlyTumorSlidesGiveNoAuc() =>
        Assert.True(double.IsNaN(SlideAuc.Curve([new("a", 0.9f, true), new("b", 0.1f, true)]).Auc));

    [Fact]
    public void EmptyGridIsRejectedWithTheSlideName()
    {
        var error = Assert.Throws<ArgumentException>(() => SlideOutcome.FromGrid("tumor_009", [], []));
        Assert.StartsWith("tumor_009: the probability grid is empty", error.Message);
    }
}
