using System.Text;
using TumorWeb.Pipeline.Training.Torch;

namespace TumorWeb.Pipeline.Tests.Training.Torch;

public class VersionScanTests
{
    private static byte[] Strings(string text) => Encoding.ASCII.GetBytes(text);

    [Fact]
    public void HighestVersionComparesNumbersNotText()
    {
        var library = Strings("\u007fELF\0GLIBCXX_3.4.9\0GLIBCXX_3.4.30\0CXXABI_1.3.13\0GLIBCXX_3.4\0GLIBCXX_3.4.29\0");

        Assert.Equal("GLIBCXX_3.4.30", VersionScan.Highest(library, "GLIBCXX_"));
    }

    [Fact]
    public void StringsThatAreNotWholeVersionNamesAreIgnored()
    {
        var library = Strings("GLIBCXX_3.4.40 is mentioned in text\0GLIBCXX_\0GLIBCXX_3..4\0GLIBCXX_3.4.21\0GLIBCXX_9");

        Assert.Equal("GLIBCXX_3.4.21", VersionScan.Highest(library, "GLIBCXX_"));
    }

    [Fact]
    public void LibraryWithoutThePrefixHasNoVersion()
    {
        Assert.Null(VersionScan.Highest(Strings("GLIBC_2.36\0"), "GLIBCXX_"));
    }
}
