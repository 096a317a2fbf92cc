using TumorWeb.Pipeline.Extraction.Store;

namespace TumorWeb.Pipeline.Tests.Extraction.Store;

public sealed class PatchPackReaderTests
{
    private const int Side = 40;

    [Fact]
    public void FlippedPayloadByteIsReportedWithShardFileAndOffset()
    {
        using var folder = new TempDirectory();
        var (_, second) = WriteTwo(folder);
        ShardDamage.FlipByte(folder.File("patches-000.pack"), second.Offset + second.Length - 10);

        using var reader = new PatchPackReader(folder.Path);
        var error = Assert.Throws<InvalidDataException>(() => reader.Read(second));

        Assert.StartsWith($"{folder.File("patches-000.pack")} at offset {second.Offset}: payload of", error.Message);
        Assert.Contains("does not match its CRC-32", error.Message);
    }

    [Fact]
    public void FlippedHeaderByteIsReported()
    {
        using var folder = new TempDirectory();
        var (first, _) = WriteTwo(folder);
        ShardDamage.FlipByte(folder.File("patches-000.pack"), first.Offset + 1);

        using var reader = new PatchPackReader(folder.Path);
        var error = Assert.Throws<InvalidDataException>(() => reader.Read(first, new byte[Side * Side * 3]));

        Assert.Equal($"{folder.File("patches-000.pack")} at offset 0: no patch record starts here (bad magic)", error.Message);
    }

    [Fact]
    public void LocationThatMissesTheRecordStartIsReported()
    {
        using var folder = new TempDirectory();
        var (first, second) = WriteTwo(folder);

        using var reader = new PatchPackReader(folder.Path);
        var error = Assert.Throws<InvalidDataException>(() => reader.Read(second with { Offset = second.Offset + 4 }));

        Assert.Contains($"at offset {second.Offset + 4}: no patch record starts here", error.Message);
        Assert.Equal(TestPatches.Noise(1, Side, Side), reader.Read(first).Pixels);
    }

    [Fact]
    public void RecordRunningPastTheEndOfTheShardIsReported()
    {
        using var folder = new TempDirectory();
        var (_, second) = WriteTwo(folder);
        ShardDamage.TruncateBy(folder.File("patches-000.pack"), 1);

        using var reader = new PatchPackReader(folder.Path);
        var error = Assert.Throws<InvalidDataException>(() => reader.Read(second));

        Assert.Equal($"{folder.File("patches-000.pack")} at offset {second.Offset}: record of {second.Length} bytes runs past the end of the file", error.Message);
    }

    [Fact]
    public void MissingShardIsReportedByName()
    {
        using var folder = new TempDirectory();
        WriteTwo(folder);

        using var reader = new PatchPackReader(folder.Path);
        var error = Assert.Throws<FileNotFoundException>(() => reader.Read(new PatchLocation(3, 0, 100)));

        Assert.Equal($"{folder.File("patches-003.pack")}: patch shard not found", error.Message);
    }

    [Fact]
    public void DestinationOfTheWrongSizeIsRefused()
    {
        using var folder = new TempDirectory();
        var (first, _) = WriteTwo(folder);

        using var reader = new PatchPackReader(folder.Path);
        var error = Assert.Throws<ArgumentException>(() => reader.Read(first, new byte[100]));

        Assert.Contains($"patch is {Side}x{Side} ({Side * Side * 3} bytes) but the destination holds 100 bytes", error.Message);
    }

    private static (PatchLocation First, PatchLocation Second) WriteTwo(TempDirectory folder)
    {
        using var writer = PatchPackWriter.Open(folder.Path);
        return (writer.Append(TestPatches.Noise(1, Side, Side), Side, Side),
                writer.Append(TestPatches.Noise(2, Side, Side), Side, Side));
    }
}
