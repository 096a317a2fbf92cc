namespace TumorWeb.Pipeline.FeatureVectors;

/// <summary>
/// Bilinear resampling along one axis with half-pixel centres (OpenCV's INTER_LINEAR, which the
/// CNTK image reader that trained this ResNet used): output pixel i blends source pixels
/// Low[i] and High[i] as Low + Weight x (High - Low), so a constant row stays exactly constant.
/// </summary>
internal sealed class ResizeTaps
{
    private ResizeTaps(int[] low, int[] high, float[] weight) => (Low, High, Weight) = (low, high, weight);

    public int[] Low { get; }
    public int[] High { get; }
    public float[] Weight { get; }

    public static ResizeTaps Create(int source, int destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(source, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(destination, 1);
        var scale = (double)source / destination;
        var low = new int[destination];
        var high = new int[destination];
        var weight = new float[destination];
        for (var i = 0; i < destination; i++)
        {
            var position = Math.Clamp((i + 0.5) * scale - 0.5, 0, source - 1);
            low[i] = (int)position;
            high[i] = Math.Min(low[i] + 1, source - 1);
            weight[i] = (float)(position - low[i]);
        }
        return new ResizeTaps(low, high, weight);
    }
}
