using TumorWeb.Pipeline.FeatureVectors.Cache;
using TumorWeb.Pipeline.Tests.Extraction.Store;

namespace TumorWeb.Pipeline.Tests.FeatureVectors.Cache;

public sealed class PatchKeyFileTests
{
    [Fact]
    public void KeysRoundTripAsLittleEndianRecords()
    {
        using var dir = new TempDirectory();
        var path = dir.File("keys");
        PatchKeyFile.Write(path, [new PatchKey(1, 2, 0x0102030405, 7)]);
        Assert.Equal(Convert.FromHexString("0100000000000000" + "02000000" + "0504030201000000" + "07000000"), File.ReadAllBytes(path));
        Assert.Equal([new PatchKey(1, 2, 0x0102030405, 7)], PatchKeyFile.Read(path));
    }

    [Fact]
    public void ATornLastRecordIsDropped()
    {
        using var dir = new TempDirectory();
        var path = dir.File("keys");
        PatchKeyFile.Write(path, [new PatchKey(1, 0, 0, 9), new PatchKey(2, 0, 9, 9)]);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..40]);
        Assert.Equal([new PatchKey(1, 0, 0, 9)], PatchKeyFile.Read(path));
    }

    [Fact]
    public void AMissingFileHoldsNoKeys() => Assert.Empty(PatchKeyFile.Read("/nonexistent/keys"));
}
