using TumorWeb.Pipeline.Extraction.Store;

namespace TumorWeb.Pipeline.Tests.Extraction.Store;

public sealed class PatchPackWriterTests
{
    private const int Side = TestPatches.Side;

    [Fact]
    public void PatchesReadBackByteForByte()
    {
        using var folder = new TempDirectory();
        var patches = new[] { TestPatches.Noise(1), TestPatches.Tissue(2), TestPatches.Noise(3, width: 7, height: 5) };
        var sizes = new[] { (Side, Side), (Side, Side), (7, 5) };

        PatchLocation[] locations;
        using (var writer = PatchPackWriter.Open(folder.Path))
            locations = patches.Select((p, i) => writer.Append(p, sizes[i].Item1, sizes[i].Item2)).ToArray();

        using var reader = new PatchPackReader(folder.Path);
        for (var i = 0; i < patches.Length; i++)
        {
            var image = reader.Read(locations[i]);
            Assert.Equal(sizes[i], (image.Width, image.Height));
            Assert.Equal(patches[i], image.Pixels);
        }
    }

    [Fact]
    public void RecordsFollowOneAnotherInTheFirstShard()
    {
        using var folder = new TempDirectory();
        using var writer = PatchPackWriter.Open(folder.Path);

        var first = writer.Append(TestPatches.Tissue(1), Side, Side);
        var second = writer.Append(TestPatches.Tissue(2), Side, Side);
        writer.Flush();

        Assert.Equal(new PatchLocation(0, 0, first.Length), first);
        Assert.Equal(new PatchLocation(0, first.Length, second.Length), second);
        Assert.Equal(first.Length + second.Length, new FileInfo(folder.File("patches-000.pack")).Length);
    }

    [Fact]
    public void TissueCompressesToLessThanRawPixels()
    {
        using var folder = new TempDirectory();
        using var writer = PatchPackWriter.Open(folder.Path);

        var location = writer.Append(TestPatches.Tissue(5), Side, Side);

        Assert.InRange(location.Length, 1, Side * Side * 3 * 3 / 4);
    }

    [Fact]
    public void ParallelAppendsAllReadBack()
    {
        using var folder = new TempDirectory();
        const int count = 64;
        var patches = Enumerable.Range(0, count).Select(i => TestPatches.Noise(i, 64, 48)).ToArray();
        var locations = new PatchLocation[count];

        using (var writer = PatchPackWriter.Open(folder.Path, maxShardBytes: 200_000))
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 },
                i => locations[i] = writer.Append(patches[i], 64, 48));

        Assert.Equal(count, locations.Distinct().Count());
        using var reader = new PatchPackReader(folder.Path);
        Parallel.For(0, count, i =>
        {
            var pixels = new byte[64 * 48 * 3];
            reader.Read(locations[i], pixels);
            Assert.Equal(patches[i], pixels);
        });
    }

    [Fact]
    public void FullShardRollsOverToTheNextFile()
    {
        using var folder = new TempDirectory();
        var patch = TestPatches.Noise(1, 32, 32);
        var recordLength = RecordLengthOf(patch, 32, 32);

        PatchLocation[] locations;
        using (var writer = PatchPackWriter.Open(folder.Path, maxShardBytes: 2 * recordLength + 1))
            locations = Enumerable.Range(0, 3).Select(_ => writer.Append(patch, 32, 32)).ToArray();

        Assert.Equal([0, 0, 1], locations.Select(l => l.Shard));
        Assert.Equal(0, locations[2].Offset);
        Assert.Equal(["patches-000.pack", "patches-001.pack"], PackFiles(folder));
        using var reader = new PatchPackReader(folder.Path);
        Assert.Equal(patch, reader.Read(locations[2]).Pixels);
    }

    [Fact]
    public void ReopenedPackAppendsToItsLastShard()
    {
        using var folder = new TempDirectory();
        var patch = TestPatches.Noise(1, 32, 32);
        var recordLength = RecordLengthOf(patch, 32, 32);
        var limit = 3 * recordLength;
        using (var writer = PatchPackWriter.Open(folder.Path, maxShardBytes: limit))
            for (var i = 0; i < 4; i++)
                writer.Append(patch, 32, 32);

        using var reopened = PatchPackWriter.Open(folder.Path, maxShardBytes: limit);
        var next = reopened.Append(patch, 32, 32);

        Assert.Equal(new PatchLocation(1, recordLength, recordLength), next);
    }

    [Fact]
    public void ReaderSeesRecordsWhileTheWriterIsStillOpen()
    {
        using var folder = new TempDirectory();
        using var writer = PatchPackWriter.Open(folder.Path);
        using var reader = new PatchPackReader(folder.Path);

        var first = writer.Append(TestPatches.Noise(1, 32, 32), 32, 32);
        Assert.Equal(TestPatches.Noise(1, 32, 32), reader.Read(first).Pixels);
        var second = writer.Append(TestPatches.Noise(2, 32, 32), 32, 32);
        Assert.Equal(TestPatches.Noise(2, 32, 32), reader.Read(second).Pixels);
    }

    [Fact]
    public void SecondWriterOnTheSameFolderIsRefused()
    {
        using var folder = new TempDirectory();
        using var writer = PatchPackWriter.Open(folder.Path);

        var error = Assert.Throws<IOException>(() => PatchPackWriter.Open(folder.Path));
        Assert.Contains(folder.Path, error.Message);
    }

    [Fact]
    public void PixelCountMustMatchTheSize()
    {
        using var folder = new TempDirectory();
        using var writer = PatchPackWriter.Open(folder.Path);

        var error = Assert.Throws<ArgumentException>(() => writer.Append(new byte[10], 2, 2));
        Assert.Contains("expected 12 bytes for 2x2 RGB, got 10", error.Message);
    }

    /// <summary>The record length of a patch; the same pixels always give the same record.</summary>
    private static int RecordLengthOf(byte[] pixels, int width, int height)
    {
        using var folder = new TempDirectory();
        using var writer = PatchPackWriter.Open(folder.Path);
        return writer.Append(pixels, width, height).Length;
    }

    private static string[] PackFiles(TempDirectory folder) =>
        Directory.GetFiles(folder.Path, "*.pack").Select(Path.GetFileName).Order().ToArray()!;
}
