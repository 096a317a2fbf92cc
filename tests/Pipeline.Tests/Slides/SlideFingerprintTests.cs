using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Tests.Slides;

public sealed class SlideFingerprintTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("tumorweb-fingerprint-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public void ARenamedCopyHasTheSameIdentityAndOtherContentAnother()
    {
        var original = Bytes(3_000_000, 1);
        var changed = (byte[])original.Clone();
        changed[65_536] ^= 0xff; // the first sampled byte after the leading 64 KiB

        var a = SlideFingerprint.Of(Write("tumor_001.tif", original));
        Assert.Equal(a, SlideFingerprint.Of(Write("renamed.tif", original)));
        Assert.NotEqual(a, SlideFingerprint.Of(Write("tumor_001_other_lab.tif", changed)));
        Assert.StartsWith("3000000:", a);
    }

    [Fact]
    public void ALargeFileIsSampledInEighteenRangesAndASmallOneReadWhole()
    {
        var ranges = SlideFingerprint.Ranges(10_000_000_000).ToList();
        Assert.Equal(18, ranges.Count);
        Assert.Equal((0L, 65_536), ranges[0]);
        Assert.Equal((10_000_000_000L - 65_536, 65_536), ranges[^1]);
        Assert.Equal(65_536, ranges[1].Offset);
        Assert.Equal(10_000_000_000L - 65_536 - 4_096, ranges[^2].Offset);
        Assert.Equal([(0L, 1000)], SlideFingerprint.Ranges(1000));
    }
}
