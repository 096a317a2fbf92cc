using TumorWeb.Build.ElfPatcher;
using TumorWeb.Pipeline.Training.Torch;

namespace TumorWeb.Pipeline.Tests.Training.Torch;

/// <summary>The copy of libLibTorchSharp.so that the build put beside these tests.</summary>
public class OutputLibraryTests
{
    internal static string OutputLibrary => TorchNative.FindLibrary(AppContext.BaseDirectory);

    internal static bool SystemDefines(string version)
    {
        var libstdcxx = SystemLibraryLocator.Find("libstdc++.so.6") ?? throw new InvalidOperationException("libstdc++.so.6 not found");
        return ElfVersionNeed.Defines(File.ReadAllBytes(libstdcxx), version, libstdcxx);
    }

    [Fact]
    public void TorchSharpLibraryNeedsTwentyLibstdcxxVersionsIncludingGlibcxx3432()
    {
        var needs = ElfVersionNeed.Read(File.ReadAllBytes(OutputLibrary), OutputLibrary);

        Assert.Equal(20, needs.Count(n => n.Library == "libstdc++.so.6"));
        Assert.Equal(0x3fa34, needs.Single(n => n.Version == "GLIBCXX_3.4.32").FlagsOffset);
    }

    [Fact]
    public void BuildMarkedGlibcxx3432WeakExactlyWhenTheSystemLibstdcxxLacksIt()
    {
        var needs = ElfVersionNeed.Read(File.ReadAllBytes(OutputLibrary), OutputLibrary);

        Assert.Equal(!SystemDefines("GLIBCXX_3.4.32"), needs.Single(n => n.Version == "GLIBCXX_3.4.32").IsWeak);
        Assert.All(needs.Where(n => n.Version != "GLIBCXX_3.4.32"), n => Assert.False(n.IsWeak));
    }
}
