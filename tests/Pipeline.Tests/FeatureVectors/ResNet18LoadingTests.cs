using TumorWeb.Pipeline.FeatureVectors;

namespace TumorWeb.Pipeline.Tests.FeatureVectors;

public sealed class ResNet18LoadingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tumorweb-models-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void MissingModelFileIsNamed()
    {
        CopyShipped("ResNetPreprocess.onnx");
        var e = Assert.Throws<FileNotFoundException>(() => ResNet18Features.Load(new ResNet18Options { ModelDirectory = _directory }));
        Assert.StartsWith(Path.Combine(_directory, "ResNet18.onnx") + ": model file not found", e.Message);
    }

    [Fact]
    public void MissingPreprocessingModelIsNamed()
    {
        var e = Assert.Throws<FileNotFoundException>(() => ResNet18Features.Load(new ResNet18Options { ModelDirectory = _directory }));
        Assert.StartsWith(Path.Combine(_directory, "ResNetPreprocess.onnx") + ": model file not found", e.Message);
    }

    [Fact]
    public void ATextFilePosingAsTheModelIsNamed()
    {
        CopyShipped("ResNetPreprocess.onnx");
        File.WriteAllText(Path.Combine(_directory, "ResNet18.onnx"), "version https://git-lfs.github.com/spec/v1\n");
        var e = Assert.Throws<InvalidDataException>(() => ResNet18Features.Load(new ResNet18Options { ModelDirectory = _directory }));
        Assert.StartsWith(Path.Combine(_directory, "ResNet18.onnx") + ": cannot be loaded as an ONNX model", e.Message);
    }

    [Fact]
    public void ATruncatedModelIsNamed()
    {
        CopyShipped("ResNetPreprocess.onnx");
        var shipped = File.ReadAllBytes(Path.Combine(ResNet18Options.DefaultModelDirectory, "ResNet18.onnx"));
        File.WriteAllBytes(Path.Combine(_directory, "ResNet18.onnx"), shipped[..(shipped.Length / 2)]);
        var e = Assert.Throws<InvalidDataException>(() => ResNet18Features.Load(new ResNet18Options { ModelDirectory = _directory }));
        Assert.StartsWith(Path.Combine(_directory, "ResNet18.onnx") + ": cannot be loaded as an ONNX model", e.Message);
    }

    [Fact]
    public void TheBuildCopiesBothModelsBesideTheTests()
    {
        Assert.Equal(63_653_533, new FileInfo(Path.Combine(ResNet18Options.DefaultModelDirectory, "ResNet18.onnx")).Length);
        Assert.Equal(602_584, new FileInfo(Path.Combine(ResNet18Options.DefaultModelDirectory, "ResNetPreprocess.onnx")).Length);
    }

    private void CopyShipped(string file) =>
        File.Copy(Path.Combine(ResNet18Options.DefaultModelDirectory, file), Path.Combine(_directory, file));
}
