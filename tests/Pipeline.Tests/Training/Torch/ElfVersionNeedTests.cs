using TumorWeb.Build.ElfPatcher;

namespace TumorWeb.Pipeline.Tests.Training.Torch;

public class ElfVersionNeedTests
{
    private static byte[] LibraryNeedingGlibcxx3432() => new ElfFileBuilder()
        .Needs("libc.so.6", "GLIBC_2.34")
        .Needs("libstdc++.so.6", "GLIBCXX_3.4.30", "GLIBCXX_3.4.32")
        .Build();

    [Fact]
    public void ReadListsEveryNeededVersionWithItsLibraryInFileOrder()
    {
        var needs = ElfVersionNeed.Read(LibraryNeedingGlibcxx3432(), "lib.so");
        Assert.Equal(
            [("libc.so.6", "GLIBC_2.34", 84), ("libstdc++.so.6", "GLIBCXX_3.4.30", 116), ("libstdc++.so.6", "GLIBCXX_3.4.32", 132)],
            needs.Select(n => (n.Library, n.Version, n.FlagsOffset)));
        Assert.All(needs, n => Assert.False(n.IsWeak));
    }

    [Fact]
    public void MarkWeakSetsTheWeakFlagOfTheNamedVersionAndChangesNoOtherByte()
    {
        var original = LibraryNeedingGlibcxx3432();
        var patched = (byte[])original.Clone();

        Assert.True(ElfVersionNeed.MarkWeak(patched, "GLIBCXX_3.4.32", "lib.so"));

        var changed = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]);
        Assert.Equal([132], changed);
        Assert.Equal(0x2, patched[132]);
        Assert.Equal([false, false, true], ElfVersionNeed.Read(patched, "lib.so").Select(n => n.IsWeak));
    }

    [Fact]
    public void MarkWeakTwiceChangesNothingTheSecondTime()
    {
        var elf = LibraryNeedingGlibcxx3432();
        ElfVersionNeed.MarkWeak(elf, "GLIBCXX_3.4.32", "lib.so");
        var once = (byte[])elf.Clone();

        Assert.False(ElfVersionNeed.MarkWeak(elf, "GLIBCXX_3.4.32", "lib.so"));
        Assert.Equal(once, elf);
    }

    [Fact]
    public void MarkWeakOfAVersionThatIsNotNeededChangesNothing()
    {
        var elf = LibraryNeedingGlibcxx3432();
        var original = (byte[])elf.Clone();

        Assert.False(ElfVersionNeed.MarkWeak(elf, "GLIBCXX_3.4.33", "lib.so"));
        Assert.Equal(original, elf);
    }

    [Fact]
    public void DefinesFindsOnlyTheVersionsALibraryProvides()
    {
        var libstdcxx = new ElfFileBuilder().Defines("libstdc++.so.6", "GLIBCXX_3.4", "GLIBCXX_3.4.30").Build();

        Assert.True(ElfVersionNeed.Defines(libstdcxx, "GLIBCXX_3.4.30", "libstdc++.so.6"));
        Assert.False(ElfVersionNeed.Defines(libstdcxx, "GLIBCXX_3.4.32", "libstdc++.so.6"));
        Assert.False(ElfVersionNeed.Defines(LibraryNeedingGlibcxx3432(), "GLIBCXX_3.4.32", "lib.so"));
    }

    [Fact]
    public void TextFileIsRejectedNamingTheFile()
    {
        var text = new byte[100];
        "hello, this is not a library"u8.CopyTo(text);

        var error = Assert.Throws<InvalidDataException>(() => ElfVersionNeed.MarkWeak(text, "GLIBCXX_3.4.32", "/out/notes.so"));
        Assert.Equal("/out/notes.so: not an ELF file", error.Message);
    }

    [Fact]
    public void ThirtyTwoBitElfIsRejectedNamingTheFile()
    {
        var elf = LibraryNeedingGlibcxx3432();
        elf[4] = 1;

        var error = Assert.Throws<InvalidDataException>(() => ElfVersionNeed.Read(elf, "/out/lib32.so"));
        Assert.Equal("/out/lib32.so: not a little-endian 64-bit ELF file", error.Message);
    }

    [Fact]
    public void TruncatedElfIsRejectedNamingTheFile()
    {
        var elf = LibraryNeedingGlibcxx3432()[..200];

        var error = Assert.Throws<InvalidDataException>(() => ElfVersionNeed.Read(elf, "/out/cut.so"));
        Assert.StartsWith("/out/cut.so: ", error.Message);
        Assert.EndsWith("lie outside the 200-byte file", error.Message);
    }
}
