using TumorWeb.Pipeline.Training;

namespace TumorWeb.Pipeline.Tests.Training;

public sealed class DivergenceTests
{
    private static EpochMetrics Epoch(double loss) => new(2, loss, 0.5, null, null, null);

    [Theory]
    [InlineData(0.69)]
    [InlineData(5.0)]
    [InlineData(69.0)]
    public void ALossAPlainModelCouldHaveIsNoDivergence(double loss) => Assert.Null(Divergence.Reason(Epoch(loss), 1e-3));

    [Fact]
    public void AnExplodedLossStopsTheRunNamingTheFix() =>
        Assert.Equal("training diverged: epoch 2's mean loss is 6E+11, more than 69 (100 times a model that always answers 0.5); " +
                     "start again with a lower learning rate (now 1)", Divergence.Reason(Epoch(6e11), 1));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ANonFiniteLossIsDivergence(double loss) => Assert.StartsWith("training diverged", Divergence.Reason(Epoch(loss), 1));
}
