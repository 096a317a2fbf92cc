using TumorWeb.Pipeline.FeatureVectors;

namespace TumorWeb.Pipeline.Tests.FeatureVectors;

public sealed class ResizeTapsTests
{
    [Fact]
    public void HalvingBlendsEachPairOfSourcePixelsEvenly()
    {
        var taps = ResizeTaps.Create(4, 2);
        Assert.Equal([0, 2], taps.Low);
        Assert.Equal([1, 3], taps.High);
        Assert.Equal([0.5f, 0.5f], taps.Weight);
    }

    [Fact]
    public void DoublingClampsAtTheEdges()
    {
        var taps = ResizeTaps.Create(2, 4);
        Assert.Equal([0, 0, 0, 1], taps.Low);
        Assert.Equal([1, 1, 1, 1], taps.High);
        Assert.Equal([0f, 0.25f, 0.75f, 0f], taps.Weight);
    }

    [Fact]
    public void SameSizeCopiesPixels()
    {
        var taps = ResizeTaps.Create(3, 3);
        Assert.Equal([0, 1, 2], taps.Low);
        Assert.Equal([0f, 0f, 0f], taps.Weight);
    }

    [Fact]
    public void ContextPatchToResNetInputStaysInsideThePatch()
    {
        var taps = ResizeTaps.Create(299, 224);
        Assert.Equal((0, 1, 0.16741f), (taps.Low[0], taps.High[0], MathF.Round(taps.Weight[0], 5)));
        Assert.Equal((297, 298, 0.83259f), (taps.Low[223], taps.High[223], MathF.Round(taps.Weight[223], 5)));
    }
}
