using NetVips;
using TumorWeb.Pipeline.Slides;
using TumorWeb.Pipeline.Slides.Tiff;
using TumorWeb.Pipeline.Tests.Grid;
using static TumorWeb.Pipeline.Tests.Slides.Tiff.TiffBytes;

namespace TumorWeb.Pipeline.Tests.Slides.Tiff;

public class TiffFirstImageTests
{
    private const ushort Width = 256, Length = 257, Compression = 259, Planar = 284, TileW = 322, TileH = 323, Offsets = 324, Counts = 325;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadsTheTilesOfAPyramidLibvipsWrote(bool bigTiff)
    {
        using var folder = new TempDirectory();
        var path = folder.File("pyramid.tif");
        using (var image = Image.Black(1000, 700))
            image.Tiffsave(path, tile: true, tileWidth: 256, tileHeight: 256, compression: Enums.ForeignTiffCompression.Deflate,
                bigtiff: bigTiff, pyramid: true);

        var tiles = TiffFirstImage.ReadTiles(path).Tiles!;

        Assert.Equal(bigTiff ? 43 : 42, File.ReadAllBytes(path)[2]);
        Assert.Equal((1000L, 700L, 256, 256, 8), (tiles.Width, tiles.Height, tiles.TileWidth, tiles.TileHeight, tiles.Compression));
        Assert.Equal((4, 3, 12), (tiles.TilesAcross, tiles.TilesDown, tiles.TileCount));
        Assert.Equal(12, tiles.Offsets.Count);
        Assert.Equal(12, tiles.ByteCounts.Count);
        var fileLength = new FileInfo(path).Length;
        for (var i = 0; i < tiles.TileCount; i++)
        {
            Assert.InRange(tiles.ByteCounts[i], 1, 256 * 256);
            Assert.InRange(tiles.Offsets[i], 8, fileLength - tiles.ByteCounts[i]);
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void ReadsHandWrittenDirectoriesInEitherByteOrder(bool bigEndian, bool bigTiff)
    {
        // 300x200 in 256x256 tiles is 2 tiles; the second is missing (0 bytes).
        var bytes = new TiffBytes(bigEndian, bigTiff)
            .Entry(Width, Short, 300).Entry(Length, Long, 200).Entry(Compression, Short, 7).Entry(Planar, Short, 1)
            .Entry(TileW, Long, 256).Entry(TileH, Short, 256)
            .Entry(Offsets, bigTiff ? Long8 : Long, 1000, 1100).Entry(Counts, Short, 100, 0)
            .Build(paddingBytes: 1200);

        var tiles = Probe(bytes).Tiles!;

        Assert.Equal((300L, 200L, 256, 256, 7), (tiles.Width, tiles.Height, tiles.TileWidth, tiles.TileHeight, tiles.Compression));
        Assert.Equal((2, 1), (tiles.TilesAcross, tiles.TilesDown));
        Assert.Equal([1000L, 1100L], tiles.Offsets);
        Assert.Equal([100L, 0L], tiles.ByteCounts);
    }

    [Fact]
    public void CompressionDefaultsToNoneAndPlanarToChunky()
    {
        var bytes = new TiffBytes(false, false)
            .Entry(Width, Short, 16).Entry(Length, Short, 16).Entry(TileW, Short, 16).Entry(TileH, Short, 16)
            .Entry(Offsets, Long, 200).Entry(Counts, Long, 16)
            .Build(paddingBytes: 300);

        Assert.Equal(1, Probe(bytes).Tiles!.Compression);
    }

    [Fact]
    public void AStrippedTiffIsNotApplicable()
    {
        using var folder = new TempDirectory();
        var path = folder.File("strips.tif");
        using (var image = Image.Black(300, 200)) image.Tiffsave(path, compression: Enums.ForeignTiffCompression.Deflate);

        var probe = TiffFirstImage.ReadTiles(path);

        Assert.Null(probe.Tiles);
        Assert.Equal("the first image is stored in strips, not tiles", probe.NotApplicable);
    }

    [SkippableTheory]
    [InlineData("he-images/tcga-lung-rgb.png")]
    [InlineData("histolab/broken.svs")]
    public void FilesThatAreNotTiffsAreNotApplicable(string file) =>
        Assert.Equal("not a TIFF file", TiffFirstImage.ReadTiles(TestPaths.TestData(file)).NotApplicable);

    [Fact]
    public void OnePlanePerChannelIsNotApplicable()
    {
        var bytes = Directory(offsets: [300, 300, 300, 300, 300, 300], counts: [1, 1, 1, 1, 1, 1], planar: 2).Build(paddingBytes: 400);
        Assert.Equal("the first image stores each channel in its own plane", Probe(bytes).NotApplicable);
    }

    [Fact]
    public void AMissingByteCountTagIsNotApplicable()
    {
        var bytes = new TiffBytes(false, false)
            .Entry(Width, Short, 300).Entry(Length, Short, 200).Entry(TileW, Short, 256).Entry(TileH, Short, 256)
            .Entry(Offsets, Long, 300, 300)
            .Build(paddingBytes: 400);
        Assert.Equal("the first image has no TileByteCounts tag", Probe(bytes).NotApplicable);
    }

    [Fact]
    public void ATilePastTheEndOfTheFileIsAnErrorNamingTheFile()
    {
        var bytes = Directory(offsets: [300, 1000], counts: [10, 100]).Build(paddingBytes: 800);
        AssertInconsistent(bytes, $"tile 1 (100 bytes at offset 1000) lies past the end of the file ({bytes.Length} bytes)");
    }

    [Fact]
    public void TooFewTileOffsetsIsAnErrorNamingTheFile()
    {
        var bytes = Directory(offsets: [300], counts: [10, 10]).Build(paddingBytes: 400);
        AssertInconsistent(bytes, "TileOffsets has 1 values but the image has 2 tiles");
    }

    [Fact]
    public void ADirectoryPastTheEndOfTheFileIsAnErrorNamingTheFile()
    {
        var bytes = Directory(offsets: [300, 300], counts: [1, 1]).Build(paddingBytes: 400);
        BitConverter.TryWriteBytes(bytes.AsSpan(4), 50_000u);
        AssertInconsistent(bytes, $"the entry count (2 bytes at offset 50000) lies past the end of the file ({bytes.Length} bytes)");
    }

    [Fact]
    public void AZeroTileWidthIsAnErrorNamingTheFile()
    {
        var bytes = new TiffBytes(true, true)
            .Entry(Width, Short, 300).Entry(Length, Short, 200).Entry(TileW, Short, 0).Entry(TileH, Short, 256)
            .Entry(Offsets, Long8, 300).Entry(Counts, Long8, 1)
            .Build(paddingBytes: 400);
        AssertInconsistent(bytes, "TileWidth is 0");
    }

    /// <summary>300x200 in 256x256 tiles (2 tiles, or 6 with three planes), little-endian classic TIFF.</summary>
    private static TiffBytes Directory(long[] offsets, long[] counts, int planar = 1) =>
        new TiffBytes(false, false)
            .Entry(Width, Short, 300).Entry(Length, Short, 200).Entry(Planar, Short, planar)
            .Entry(TileW, Short, 256).Entry(TileH, Short, 256)
            .Entry(Offsets, Long, offsets).Entry(Counts, Long, counts);

    private static TiffTileProbe Probe(byte[] bytes)
    {
        using var folder = new TempDirectory();
        return TiffFirstImage.ReadTiles(folder.WriteBytes("hand.tif", bytes));
    }

    private static void AssertInconsistent(byte[] bytes, string reason)
    {
        using var folder = new TempDirectory();
        var path = folder.WriteBytes("hand.tif", bytes);
        var error = Assert.Throws<SlideException>(() => TiffFirstImage.ReadTiles(path));
        Assert.Equal($"{path}: TIFF directory 0 is inconsistent: {reason}", error.Message);
    }
}
