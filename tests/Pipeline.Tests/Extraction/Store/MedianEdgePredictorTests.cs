using TumorWeb.Pipeline.Extraction.Store;

namespace TumorWeb.Pipeline.Tests.Extraction.Store;

public sealed class MedianEdgePredictorTests
{
    [Theory]
    [InlineData(10, 50, 60, 10)] // upper-left brighter than both: edge, take the darker
    [InlineData(10, 50, 5, 50)] // upper-left darker than both: edge, take the brighter
    [InlineData(10, 50, 30, 30)] // in between: plane through the three, 10 + 50 - 30
    [InlineData(200, 250, 210, 240)] // in between, where left + up is past a byte
    public void PredictionFollowsEdgesAndPlanes(int left, int up, int upLeft, int expected) =>
        Assert.Equal(expected, MedianEdgePredictor.Predict(left, up, upLeft));

    [Fact]
    public void ResidualsOfATwoByTwoImageAreDifferencesFromTheirPredictions()
    {
        byte[] pixels =
        [
            100, 0, 255, /**/ 110, 5, 250,
            90, 10, 245, /**/ 120, 0, 240,
        ];
        var residuals = new byte[pixels.Length];

        MedianEdgePredictor.Encode(pixels, residuals, width: 2, height: 2);

        byte[] expected =
        [
            100, 0, 255, /**/ 10, 5, 251, // first row: from the left neighbour (first pixel from 0)
            246, 10, 246, /**/ 20, 246, 251, // first column: from above; last pixel: predictions 100, 10, 245, differences wrapped to bytes
        ];
        Assert.Equal(expected, residuals);
    }

    [Fact]
    public void VectorisedRowsGiveTheSameResidualsAsPixelByPixel()
    {
        var pixels = TestPatches.Noise(seed: 3, width: 61, height: 4);
        var residuals = new byte[pixels.Length];

        MedianEdgePredictor.Encode(pixels, residuals, 61, 4);

        const int stride = 61 * 3;
        for (var y = 1; y < 4; y++)
        for (var i = 3; i < stride; i++)
        {
            var at = y * stride + i;
            var prediction = MedianEdgePredictor.Predict(pixels[at - 3], pixels[at - stride], pixels[at - stride - 3]);
            Assert.Equal((byte)(pixels[at] - prediction), residuals[at]);
        }
    }

    [Theory]
    [InlineData(13, 9)]
    [InlineData(299, 299)]
    public void DecodingRestoresTheExactPixels(int width, int height)
    {
        var pixels = TestPatches.Noise(seed: 7, width, height);
        var data = new byte[pixels.Length];
        MedianEdgePredictor.Encode(pixels, data, width, height);

        MedianEdgePredictor.DecodeInPlace(data, width, height);

        Assert.Equal(pixels, data);
    }
}
