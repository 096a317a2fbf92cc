using TumorWeb.Pipeline.Extraction.Store;

namespace TumorWeb.Pipeline.Tests.Extraction.Store;

public sealed class MedianEdgePredictorTests
{
    [Theory]
    [InlineData(10, 50, 60, 10)] // upper-left brighter than both: edge, take the darker
    [InlineData(10, 50, 5, 50)] // upper-left darker than both: edge, take the brighter
    [InlineData(10, 50, 30, 30)] // in between: plane through the three, 10 + 50 - 30
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
    public void DecodingRestoresTheExactPixels()
    {
        var pixels = TestPatches.Noise(seed: 7, width: 13, height: 9);
        var data = new byte[pixels.Length];
        MedianEdgePredictor.Encode(pixels, data, 13, 9);

        MedianEdgePredictor.DecodeInPlace(data, 13, 9);

        Assert.Equal(pixels, data);
    }
}
