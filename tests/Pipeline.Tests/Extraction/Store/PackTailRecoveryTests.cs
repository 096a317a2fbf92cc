using TumorWeb.Pipeline.Extraction.Store;

namespace TumorWeb.Pipeline.Tests.Extraction.Store;

/// <summary>What reopening a pack does with what a crash left behind.</summary>
public sealed class PackTailRecoveryTests
{
    private const int Side = 40;

    [Fact]
    public void TornLastRecordIsCutAndEarlierRecordsStillRead()
    {
        using var folder = new TempDirectory();
        var locations = WriteThree(folder);
        ShardDamage.TruncateBy(Shard(folder), 100);

        using (var writer = PatchPackWriter.Open(folder.Path))
        {
            Assert.Equal(locations[2].Offset, new FileInfo(Shard(folder)).Length);
            var replacement = writer.Append(TestPatches.Noise(9, Side, Side), Side, Side);
            Assert.Equal(locations[2].Offset, replacement.Offset);
        }

        using var reader = new PatchPackReader(folder.Path);
        Assert.Equal(TestPatches.Noise(0, Side, Side), reader.Read(locations[0]).Pixels);
        Assert.Equal(TestPatches.Noise(1, Side, Side), reader.Read(locations[1]).Pixels);
        Assert.Equal(TestPatches.Noise(9, Side, Side), reader.Read(locations[2]).Pixels);
    }

    [Fact]
    public void HeaderCutMidwayIsRemoved()
    {
        using var folder = new TempDirectory();
        var locations = WriteThree(folder);
        ShardDamage.TruncateBy(Shard(folder), locations[2].Length - 7);

        using (PatchPackWriter.Open(folder.Path)) { }

        Assert.Equal(locations[2].Offset, new FileInfo(Shard(folder)).Length);
    }

    [Fact]
    public void ZeroesLeftAfterThePackByAPowerCutAreRemoved()
    {
        using var folder = new TempDirectory();
        var locations = WriteThree(folder);
        var end = locations[2].Offset + locations[2].Length;
        using (var file = File.Open(Shard(folder), FileMode.Append))
            file.Write(new byte[5000]);

        using (PatchPackWriter.Open(folder.Path)) { }

        Assert.Equal(end, new FileInfo(Shard(folder)).Length);
    }

    [Fact]
    public void CompleteLookingLastRecordWhosePayloadNeverArrivedIsRemoved()
    {
        using var folder = new TempDirectory();
        var locations = WriteThree(folder);
        using (var file = File.Open(Shard(folder), FileMode.Open, FileAccess.Write))
        {
            file.Position = locations[2].Offset + 20;
            file.Write(new byte[locations[2].Length - 20]);
        }

        using (PatchPackWriter.Open(folder.Path)) { }

        Assert.Equal(locations[2].Offset, new FileInfo(Shard(folder)).Length);
    }

    [Fact]
    public void DamageBeforeIntactRecordsIsReportedAndNothingIsCut()
    {
        using var folder = new TempDirectory();
        var locations = WriteThree(folder);
        var length = new FileInfo(Shard(folder)).Length;
        ShardDamage.FlipByte(Shard(folder), locations[1].Offset);

        var error = Assert.Throws<InvalidDataException>(() => PatchPackWriter.Open(folder.Path));

        Assert.StartsWith($"{Shard(folder)} at offset {locations[1].Offset}: damaged patch record followed by intact ones", error.Message);
        Assert.Equal(length, new FileInfo(Shard(folder)).Length);
    }

    private static PatchLocation[] WriteThree(TempDirectory folder)
    {
        using var writer = PatchPackWriter.Open(folder.Path);
        return Enumerable.Range(0, 3).Select(i => writer.Append(TestPatches.Noise(i, Side, Side), Side, Side)).ToArray();
    }

    private static string Shard(TempDirectory folder) => folder.File("patches-000.pack");
}
