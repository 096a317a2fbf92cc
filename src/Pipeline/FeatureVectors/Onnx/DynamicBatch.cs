namespace TumorWeb.Pipeline.FeatureVectors.Onnx;

/// <summary>
/// Turns the first dimension of every graph input, output and value_info of an ONNX model into
/// the symbolic dimension "batch". CNTK exported ResNet18 with the batch fixed at 1 and ONNX
/// Runtime cannot change a fixed dimension at load time; the graph itself (convolutions,
/// batch norms, pools, adds) holds no reshape that depends on it, so only the declared shapes change.
/// </summary>
internal static class DynamicBatch
{
    // Field numbers of onnx.proto3.
    private const int ModelGraph = 7;
    private const int GraphInput = 11, GraphOutput = 12, GraphValueInfo = 13;
    private const int ValueInfoType = 2;
    private const int TypeTensor = 1;
    private const int TensorShape = 2;
    private const int ShapeDimension = 1;
    private const int DimensionParam = 2;

    public const string DimensionName = "batch";

    public static byte[] Apply(ReadOnlySpan<byte> model) =>
        ProtobufRewriter.Rewrite(model, (field, _, graph) => field == ModelGraph ? Graph(graph) : null);

    private static byte[] Graph(ReadOnlySpan<byte> graph) =>
        ProtobufRewriter.Rewrite(graph, (field, _, info) =>
            field is GraphInput or GraphOutput or GraphValueInfo ? ValueInfo(info) : null);

    private static byte[] ValueInfo(ReadOnlySpan<byte> info) =>
        ProtobufRewriter.Rewrite(info, (field, _, type) => field == ValueInfoType ? Type(type) : null);

    private static byte[] Type(ReadOnlySpan<byte> type) =>
        ProtobufRewriter.Rewrite(type, (field, _, tensor) => field == TypeTensor ? Tensor(tensor) : null);

    private static byte[] Tensor(ReadOnlySpan<byte> tensor) =>
        ProtobufRewriter.Rewrite(tensor, (field, _, shape) => field == TensorShape ? Shape(shape) : null);

    private static byte[] Shape(ReadOnlySpan<byte> shape) =>
        ProtobufRewriter.Rewrite(shape, (field, occurrence, _) =>
            field == ShapeDimension && occurrence == 0 ? ProtobufRewriter.StringField(DimensionParam, DimensionName) : null);
}
