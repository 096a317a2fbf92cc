using TumorWeb.Pipeline.Training;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Tests.Training;

public sealed class PatchTensorsTests
{
    [Fact]
    public void RgbBytesBecomeChannelPlanesScaledToOne()
    {
        // Two 1 x 2 "patches" are not square; use two 2 x 2 patches.
        byte[] rgb = [255, 0, 51, 0, 255, 102, 0, 0, 0, 255, 255, 255, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120];

        using var batch = PatchTensors.FromRgb(rgb, 2, 2, CPU);

        Assert.Equal([2L, 3L, 2L, 2L], batch.shape);
        var values = batch.data<float>().ToArray();
        float[] expected = [1, 0, 0, 1, 0, 1, 0, 1, 0.2f, 0.4f, 0, 1, 10, 40, 70, 100, 20, 50, 80, 110, 30, 60, 90, 120];
        for (var i = 12; i < 24; i++) expected[i] /= 255f;
        Assert.Equal(expected, values);
    }

    [Fact]
    public void WrongByteCountNamesWhatWasExpected()
    {
        var error = Assert.Throws<ArgumentException>(() => PatchTensors.FromRgb(new byte[10], 1, 2, CPU));
        Assert.Contains("1 patches of 2x2 RGB need 12 values, got 10", error.Message);
    }
}
