using TumorWeb.Pipeline.FeatureVectors;

namespace TumorWeb.Pipeline.Tests.FeatureVectors;

public sealed class PatchPreprocessorTests
{
    [Fact]
    public void RgbPixelsBecomeBgrPlanesMinusTheMeanImage()
    {
        byte[] rgb = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120];
        float[] meanBgr = [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3];
        var output = new float[12];
        new PatchPreprocessor(2, meanBgr).Write(rgb, 2, ResizeTaps.Create(2, 2), output);
        Assert.Equal([29f, 59, 89, 119, 18, 48, 78, 108, 7, 37, 67, 97], output);
    }

    [Fact]
    public void HalvingAGradientAveragesNeighbours()
    {
        // Red = 10 x column + 40 x row; green and blue stay 0.
        var rgb = new byte[4 * 4 * 3];
        for (var y = 0; y < 4; y++)
            for (var x = 0; x < 4; x++)
                rgb[(y * 4 + x) * 3] = (byte)(10 * x + 40 * y);
        var output = new float[12];
        new PatchPreprocessor(2, new float[12]).Write(rgb, 4, ResizeTaps.Create(4, 2), output);
        Assert.Equal([0f, 0, 0, 0, 0, 0, 0, 0, 25, 45, 105, 125], output);
    }

    [Fact]
    public void AConstantPatchStaysConstantAtTheNetworkSize()
    {
        var rgb = new byte[299 * 299 * 3];
        for (var i = 0; i < rgb.Length; i += 3) (rgb[i], rgb[i + 1], rgb[i + 2]) = (200, 100, 50);
        var output = new float[3 * 224 * 224];
        new PatchPreprocessor(224, new float[3 * 224 * 224]).Write(rgb, 299, ResizeTaps.Create(299, 224), output);
        var plane = 224 * 224;
        Assert.All(output[..plane], v => Assert.Equal(50f, v));
        Assert.All(output[plane..(2 * plane)], v => Assert.Equal(100f, v));
        Assert.All(output[(2 * plane)..], v => Assert.Equal(200f, v));
    }

    [Fact]
    public void APatchOfTheWrongSizeIsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new PatchPreprocessor(2, new float[12]).Write(new byte[11], 2, ResizeTaps.Create(2, 2), new float[12]));
        Assert.StartsWith("patch holds 11 bytes, not 2 x 2 x 3", e.Message);
    }
}
