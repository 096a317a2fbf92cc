using Microsoft.ML.OnnxRuntime;
using TumorWeb.Pipeline.FeatureVectors;

namespace TumorWeb.Pipeline.Tests.FeatureVectors;

public sealed class MeanImageTests
{
    [Fact]
    public void ShippedMeanImageIsTheImageNetMeanInBgrOrder()
    {
        var path = Path.Combine(ResNet18Options.DefaultModelDirectory, "ResNetPreprocess.onnx");
        using var session = new InferenceSession(path);
        var mean = MeanImage.FromPreprocessModel(session, 224, path);
        var plane = 224 * 224;
        Assert.Equal(3 * plane, mean.Length);
        Assert.Equal(103.06, mean[..plane].Average(v => (double)v), 2);
        Assert.Equal(115.90, mean[plane..(2 * plane)].Average(v => (double)v), 2);
        Assert.Equal(123.15, mean[(2 * plane)..].Average(v => (double)v), 2);
        Assert.Equal(114.4211, mean[0], 4);
        Assert.Equal(123.8862, mean[plane], 4);
        Assert.Equal(125.1021, mean[2 * plane], 4);
    }
}
