using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;

namespace TumorWeb.Pipeline.FeatureVectors;

/// <summary>Reads the two model files and turns load failures into errors that name the file.</summary>
internal static class ResNet18ModelFiles
{
    public const string ModelFile = "ResNet18.onnx";
    public const string PreprocessFile = "ResNetPreprocess.onnx";

    public static byte[] Read(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"{path}: model file not found; the build copies it to Models/ from the NuGet package " +
                "Microsoft.ML.DnnImageFeaturizer.ResNet18 (restore the solution, or point ModelDirectory at a folder holding it)", path);
        return File.ReadAllBytes(path);
    }

    public static InferenceSession Load(string directory, string file, byte[] model, SessionOptions options, Func<byte[], byte[]>? edit = null)
    {
        var path = Path.Combine(directory, file);
        try
        {
            return new InferenceSession(edit is null ? model : edit(model), options);
        }
        catch (Exception e) when (e is OnnxRuntimeException or InvalidDataException)
        {
            throw new InvalidDataException($"{path}: cannot be loaded as an ONNX model: {e.Message}", e);
        }
    }

    /// <summary>Hex SHA-256 over both files: a cache of features is only valid for the models that made it.</summary>
    public static string Hash(byte[] model, byte[] preprocess)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(model);
        sha.AppendData(preprocess);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
