using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Tests.Slides;

public class InMemorySlideTests
{
    [Fact]
    public void PyramidLevelsAverageBlocksAndReportDownsamples()
    {
        var image = new RgbImage(4, 2);
        image[0, 0] = (100, 0, 0);
        image[1, 0] = (200, 0, 0);
        using var slide = new InMemorySlide(image, [1, 2]);
        Assert.Equal(new SlideLevel(2, 1, 2), slide.Metadata.Levels[1]);
        var level1 = slide.ReadRegion(new RegionRequest(1, 0, 0, 2, 1));
        Assert.Equal((75, 0, 0), ((int)level1[0, 0].R, (int)level1[0, 0].G, (int)level1[0, 0].B));
    }

    [Fact]
    public void ReadsOutsideAreWhite()
    {
        using var slide = new InMemorySlide(RgbImage.Filled(2, 2, 0, 0, 0));
        var region = slide.ReadRegion(new RegionRequest(0, -1, 0, 2, 1));
        Assert.Equal(new byte[] { 255, 255, 255, 0, 0, 0 }, region.Pixels);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1.9, 0)]
    [InlineData(2, 1)]
    [InlineData(128, 2)]
    public void BestLevelIsTheFinestNotFinerThanNeeded(double downsample, int expected)
    {
        using var slide = new InMemorySlide(new RgbImage(16, 16), [1, 2, 4]);
        Assert.Equal(expected, slide.Metadata.BestLevelForDownsample(downsample));
    }
}
