using Microsoft.ML.OnnxRuntime;
using TumorWeb.Pipeline.FeatureVectors;
using TumorWeb.Pipeline.FeatureVectors.Onnx;

namespace TumorWeb.Pipeline.Tests.FeatureVectors.Onnx;

public sealed class DynamicBatchTests
{
    // ModelProto { ir_version: 3, graph { input { name: "x", type { tensor_type { elem_type: 1,
    // shape { dim { dim_value: 1 } dim { dim_value: 3 } } } } }, name: "g" } }
    private static readonly byte[] TinyModel = Convert.FromHexString(
        "0803" + "3A18" + "5A13" + "0A0178" + "120E" + "0A0C" + "0801" + "1208" + "0A020801" + "0A020803" + "120167");

    [Fact]
    public void FirstDimensionBecomesSymbolicAndEverythingElseIsKept()
    {
        var expected = Convert.FromHexString(
            "0803" + "3A1D" + "5A18" + "0A0178" + "1213" + "0A11" + "0801" + "120D" + "0A07" + "1205" + "6261746368" + "0A020803" + "120167");
        Assert.Equal(expected, DynamicBatch.Apply(TinyModel));
    }

    [Fact]
    public void TruncatedBytesAreRefused()
    {
        var e = Assert.Throws<InvalidDataException>(() => DynamicBatch.Apply(TinyModel[..^2]));
        Assert.StartsWith("not a valid protobuf message", e.Message);
    }

    [Fact]
    public void ShippedResNet18AcceptsAnyBatchOnceRewritten()
    {
        var bytes = File.ReadAllBytes(Path.Combine(ResNet18Options.DefaultModelDirectory, "ResNet18.onnx"));
        using (var original = new InferenceSession(bytes))
            Assert.Equal([1, 3, 224, 224], original.InputMetadata["Input247"].Dimensions);
        using var session = new InferenceSession(DynamicBatch.Apply(bytes));
        Assert.Equal([-1, 3, 224, 224], session.InputMetadata["Input247"].Dimensions);
        Assert.Equal("batch", session.InputMetadata["Input247"].SymbolicDimensions[0]);
        Assert.Equal([-1, 512, 1, 1], session.OutputMetadata["Pooling395_Output_0"].Dimensions);
    }
}
