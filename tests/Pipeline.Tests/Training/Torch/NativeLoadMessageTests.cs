using TumorWeb.Pipeline.Training.Torch;

namespace TumorWeb.Pipeline.Tests.Training.Torch;

public class NativeLoadMessageTests
{
    // What .NET 10 on Debian 12 says when loading TorchSharp 0.107.0's unmarked native library.
    private const string DotNetLoaderMessage =
        "Unable to load shared library '/app/runtimes/linux-x64/native/libLibTorchSharp.so' or one of its dependencies. " +
        "In order to help diagnose loading problems, consider using a tool like strace. If you're using glibc, consider " +
        "setting the LD_DEBUG environment variable: \n" +
        "/lib/x86_64-linux-gnu/libstdc++.so.6: version `GLIBCXX_3.4.32' not found " +
        "(required by /app/runtimes/linux-x64/native/libLibTorchSharp.so)\n";

    [Fact]
    public void ParseReadsProviderVersionAndRequiringFileFromTheLoaderMessage()
    {
        Assert.Equal(
            new MissingVersion("/lib/x86_64-linux-gnu/libstdc++.so.6", "GLIBCXX_3.4.32", "/app/runtimes/linux-x64/native/libLibTorchSharp.so"),
            MissingVersion.Parse(DotNetLoaderMessage));
    }

    [Fact]
    public void ParseIgnoresOtherLoaderErrors()
    {
        Assert.Null(MissingVersion.Parse("libtorch.so: cannot open shared object file: No such file or directory"));
    }

    [Fact]
    public void MissingGlibcxx3432IsExplainedWithTheBuildStepThatFixesIt()
    {
        var message = NativeLoadMessage.Describe("/app/runtimes/linux-x64/native/libLibTorchSharp.so", DotNetLoaderMessage,
            MissingVersion.Parse(DotNetLoaderMessage), "GLIBCXX_3.4.30");

        Assert.Equal(
            "/app/runtimes/linux-x64/native/libLibTorchSharp.so: cannot load TorchSharp's native library: it needs version " +
            "GLIBCXX_3.4.32 of /lib/x86_64-linux-gnu/libstdc++.so.6, which provides versions only up to GLIBCXX_3.4.30. " +
            "The build marks that need weak in the copy in its output folder when the system libstdc++ lacks it " +
            "(build/TorchSharpNativeFix.targets); this copy was not marked. Run dotnet build or dotnet publish on this " +
            "machine instead of copying another machine's output, or install a libstdc++6 that provides GLIBCXX_3.4.32.",
            message);
    }

    [Fact]
    public void OtherMissingVersionAsksForANewerLibrary()
    {
        var missing = new MissingVersion("/lib/x86_64-linux-gnu/libc.so.6", "GLIBC_2.38", "/app/libtorch_cpu.so");

        var message = NativeLoadMessage.Describe("/app/libLibTorchSharp.so", "", missing, "GLIBC_2.36");

        Assert.Equal(
            "/app/libtorch_cpu.so: cannot load TorchSharp's native library: it needs version GLIBC_2.38 of " +
            "/lib/x86_64-linux-gnu/libc.so.6, which provides versions only up to GLIBC_2.36. " +
            "Install a newer libc.so.6 that provides GLIBC_2.38, or run on a newer Linux release.",
            message);
    }

    [Fact]
    public void MissingDependencyQuotesTheLoaderAndNamesTheLibrariesThatMustSitBesideIt()
    {
        var message = NativeLoadMessage.Describe("/app/libLibTorchSharp.so",
            "Unable to load shared library '/app/libLibTorchSharp.so' or one of its dependencies.\n" +
            "libtorch_cpu.so: cannot open shared object file: No such file or directory\n", null, null);

        Assert.Equal(
            "/app/libLibTorchSharp.so: cannot load TorchSharp's native library: libtorch_cpu.so: cannot open shared " +
            "object file: No such file or directory. Its libtorch libraries (libtorch.so, libc10.so, libtorch_cpu.so) " +
            "must sit beside it: build or publish the project again after a successful dotnet restore.",
            message);
    }
}
