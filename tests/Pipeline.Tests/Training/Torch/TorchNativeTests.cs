using TorchSharp;
using TumorWeb.Build.ElfPatcher;
using TumorWeb.Pipeline.Training.Torch;
using static TorchSharp.torch;

namespace TumorWeb.Pipeline.Tests.Training.Torch;

public class TorchNativeTests
{
    [Fact]
    public void TorchSharpLoadsAndSumsAMatrixOfOnes()
    {
        TorchNative.EnsureLoaded();

        using var ones = torch.ones(2, 2);
        using var sum = ones.sum();
        Assert.Equal(4f, sum.item<float>());
    }

    [Fact]
    public void ConvNetForwardPassOnTheCpuGivesTheValueItsWeightsImply()
    {
        TorchNative.EnsureLoaded();
        using var net = new TinyConvNet();
        net.eval();
        using var input = torch.ones(2, 3, 8, 8);

        using var _ = no_grad();
        using var output = net.forward(input);

        // Each 3x3x3 window of ones sums to 27 in both channels; 0.5 * (27 + 27) + 1 = 28.
        Assert.Equal([2L, 1L], output.shape);
        Assert.Equal([28f, 28f], output.data<float>().ToArray());
    }

    [Fact]
    public void DeviceIsCudaExactlyWhenLibtorchSeesAGpuElseTheCpu()
    {
        // With the TorchSharp-cpu package libtorch never sees a GPU, so this is the CPU here.
        var expected = torch.cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU;

        Assert.Equal(expected, TorchDevice.Pick().type);
    }

    [Fact]
    public void LibraryWithoutTheWeakMarkFailsWithTheMissingVersionAndTheFix()
    {
        TorchNative.EnsureLoaded(); // libtorch's own libraries are then found by name, wherever the copy lies
        var unmarked = CopyWithoutWeakMark(OutputLibraryTests.OutputLibrary);
        try
        {
            if (OutputLibraryTests.SystemDefines("GLIBCXX_3.4.32"))
            {
                TorchNative.Load(unmarked);
                return;
            }
            var error = Assert.Throws<InvalidOperationException>(() => TorchNative.Load(unmarked));
            Assert.StartsWith($"{unmarked}: cannot load TorchSharp's native library: it needs version GLIBCXX_3.4.32 of ", error.Message);
            Assert.Contains("libstdc++.so.6, which provides versions only up to GLIBCXX_3.4.", error.Message);
            Assert.Contains("(build/TorchSharpNativeFix.targets); this copy was not marked.", error.Message);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(unmarked)!, recursive: true);
        }
    }

    [Fact]
    public void MissingNativeLibraryNamesWhereItWasLookedFor()
    {
        var empty = Directory.CreateTempSubdirectory("torch-native-").FullName;
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => TorchNative.FindLibrary(empty));
            Assert.StartsWith(
                $"libLibTorchSharp.so is in neither {empty}/runtimes/linux-x64/native/libLibTorchSharp.so nor {empty}/libLibTorchSharp.so: ",
                error.Message);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    private static string CopyWithoutWeakMark(string library)
    {
        var bytes = File.ReadAllBytes(library);
        var need = ElfVersionNeed.Read(bytes, library).Single(n => n.Version == "GLIBCXX_3.4.32");
        bytes[need.FlagsOffset] &= unchecked((byte)~ElfVersionNeed.VerFlagWeak);
        var copy = Path.Combine(Directory.CreateTempSubdirectory("torch-native-").FullName, "libLibTorchSharp.so");
        File.WriteAllBytes(copy, bytes);
        return copy;
    }
}
