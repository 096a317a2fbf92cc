using Microsoft.ML.OnnxRuntime;

namespace TumorWeb.Pipeline.FeatureVectors;

/// <summary>
/// The mean image that ResNetPreprocess.onnx subtracts. That model only reorders RGB planes to
/// BGR and subtracts its MeanImage, so running it once on a black image yields minus the mean
/// (in B, G, R planes); subtracting it in C# saves a second ONNX Runtime call per batch.
/// </summary>
internal static class MeanImage
{
    public static float[] FromPreprocessModel(InferenceSession preprocess, int side, string path)
    {
        var length = 3 * side * side;
        var input = preprocess.InputNames.Single();
        var dimensions = preprocess.InputMetadata[input].Dimensions;
        if (!dimensions.SequenceEqual([1, 3, side, side]))
            throw new InvalidDataException($"{path}: expected input [1,3,{side},{side}], found [{string.Join(",", dimensions)}]");
        using var black = OrtValue.CreateTensorValueFromMemory(new float[length], [1, 3, side, side]);
        using var runOptions = new RunOptions();
        using var outputs = preprocess.Run(runOptions, [input], [black], preprocess.OutputNames);
        var mean = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        if (mean.Length != length)
            throw new InvalidDataException($"{path}: output holds {mean.Length} values, not {length}");
        for (var i = 0; i < mean.Length; i++) mean[i] = -mean[i];
        return mean;
    }
}
