using TumorWeb.Pipeline.Training;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Tests.Training;

public sealed class BatchLossTests
{
    [Fact]
    public void LossIsTheMeanBinaryCrossEntropyOfTheSigmoidOfTheLogits()
    {
        using var logits = tensor(new[] { 0f, 2f, -1f, 3f }).view(4, 1);
        using var labels = tensor(new[] { 1f, 0f, 0f, 1f });

        using var loss = BatchLoss.Mean(logits, labels);

        // ln 2, 2 + ln(1 + e^-2), ln(1 + e^-1), ln(1 + e^-3)
        var expected = (0.693147 + 2.126928 + 0.313262 + 0.048587) / 4;
        Assert.Equal(expected, loss.item<float>(), 5);
    }

    [Fact]
    public void AccuracyCountsLogitsOnTheSideOfZeroTheirLabelIsOn()
    {
        using var logits = tensor(new[] { 0.5f, -0.5f, 2f, -3f, 0f });
        using var labels = tensor(new[] { 1f, 1f, 0f, 0f, 1f });

        Assert.Equal(3, BatchLoss.Correct(logits, labels));
    }
}
