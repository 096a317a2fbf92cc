using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Tests.Grid;

public class SlideGridBuilderTests
{
    private static readonly GridOptions Options = new() { MinTissueArea = 1, MaxDegreeOfParallelism = 2 };

    /// <summary>A 512x384 slide (4x3 cells) with tissue in the four cells of its middle and right.</summary>
    private static InMemorySlide Slide(string path = "slide.tif") => SlideBuilder.Slide(512, 384)
        .FillCell(1, 1, 128, SlideBuilder.Eosin).FillCell(2, 1, 128, SlideBuilder.Eosin)
        .FillCell(2, 2, 128, SlideBuilder.Eosin).FillCell(3, 2, 128, SlideBuilder.Eosin)
        .Build(path, [1, 4, 32]);

    private static SlideGrid Build(ISlide slide, ISlide? mask = null, SlideAnnotations? annotations = null, GridOptions? options = null) =>
        SlideGridBuilder.Build(slide, mask, annotations, options ?? Options, null, CancellationToken.None);

    [Fact]
    public void ASlideWhoseThumbnailLevelIsOverThePixelLimitIsRefused()
    {
        using var slide = SlideBuilder.Slide(512, 384).Build("flat.tif", [1]);

        var refusal = Assert.Throws<SlideException>(() => Build(slide, options: Options with { MaxTissuePixels = 512 * 384 - 1 }));

        Assert.Contains("flat.tif: tissue detection would decode 512 x 384 pixels at level 0", refusal.Message);
    }

    [Fact]
    public void MaskPixelMakesATumorCellAndTheRestOfTheTissueNormal()
    {
        using var slide = Slide();
        using var mask = SlideBuilder.Mask(512, 384).Pixel(300, 200, (255, 255, 255)).Pixel(5, 5, (1, 1, 1)).Build("mask.tif");
        var grid = Build(slide, mask);
        Assert.Equal(["....", ".##.", "..##"], CellMasks.Draw(grid.Tissue));
        Assert.Equal(["#...", "..#.", "...."], CellMasks.Draw(grid.Tumor));
        Assert.Equal(["....", ".#..", "..##"], CellMasks.Draw(grid.Normal));
        Assert.Equal(new SlideGridStats(4, 3, 128, 4, 2, 3), grid.Stats);
        Assert.Equal((4, 3), (grid.Thumbnail.Width, grid.Thumbnail.Height));
    }

    [Fact]
    public void WithoutMaskOrAnnotationsEveryTissueCellIsNormal()
    {
        using var slide = Slide();
        var grid = Build(slide);
        Assert.Equal(new SlideGridStats(4, 3, 128, 4, 0, 4), grid.Stats);
        Assert.Equal(SlideRole.Normal, grid.Role);
    }

    [Theory]
    [InlineData(2, SlideRole.Tumor)]
    [InlineData(3, SlideRole.Normal)]
    public void SlideIsATumorSlideFromTheThresholdOfTumorCells(int threshold, SlideRole role)
    {
        using var slide = Slide();
        using var mask = SlideBuilder.Mask(512, 384).Pixel(300, 200, (255, 255, 255)).Pixel(5, 5, (1, 1, 1)).Build("mask.tif");
        Assert.Equal(role, Build(slide, mask, options: Options with { TumorSlideThreshold = threshold }).Role);
    }

    [Fact]
    public void AnnotationsLabelTumorCells()
    {
        using var slide = Slide();
        var square = new Polygon([new(130, 130), new(140, 130), new(140, 140), new(130, 140)]);
        var grid = Build(slide, annotations: new SlideAnnotations([square], []));
        Assert.Equal(new SlideGridStats(4, 3, 128, 4, 1, 3), grid.Stats);
    }

    [Fact]
    public void OddSizedSlideGetsPartialEdgeCells()
    {
        using var slide = SlideBuilder.Slide(300, 200).Fill(256, 128, 44, 72, SlideBuilder.Eosin).Build();
        using var mask = SlideBuilder.Mask(300, 200).Pixel(299, 199, (255, 0, 0)).Build("mask.tif");
        var grid = Build(slide, mask);
        Assert.Equal(new SlideGridStats(3, 2, 128, 1, 1, 0), grid.Stats);
    }

    [Fact]
    public void MaskOfAnotherSizeIsAnErrorNamingBothFilesAndSizes()
    {
        using var slide = Slide("/data/tumor_001.tif");
        using var mask = SlideBuilder.Mask(512, 383).Build("/data/tumor_001_mask.tif");
        var error = Assert.Throws<SlideException>(() => Build(slide, mask));
        Assert.Equal("/data/tumor_001_mask.tif: mask is 512x383 at level 0 but slide /data/tumor_001.tif is 512x384", error.Message);
    }

    [Fact]
    public void SlideWithoutTissueIsAnErrorNamingTheFile()
    {
        using var slide = SlideBuilder.Slide(512, 384).Build("/data/blank.tif");
        var error = Assert.Throws<SlideException>(() => Build(slide));
        Assert.StartsWith("/data/blank.tif: no tissue found", error.Message);
    }

    [Fact]
    public void TissueSmallerThanTheMinimumAreaCountsAsNoTissue()
    {
        using var slide = Slide("/data/specks.tif");
        var error = Assert.Throws<SlideException>(() => Build(slide, options: Options with { MinTissueArea = 5 }));
        Assert.Contains("no tissue found", error.Message);
    }

    [Fact]
    public void ProgressReachesTheEndOfEachStage()
    {
        using var slide = Slide();
        using var mask = SlideBuilder.Mask(512, 384).Build("mask.tif");
        var progress = new RecordingProgress();
        SlideGridBuilder.Build(slide, mask, null, Options with { MaskTileCells = 1 }, progress, CancellationToken.None);
        var last = progress.Reports.Where(p => p.Stage == "tumor mask").MaxBy(p => p.Done)!;
        Assert.Equal((12, 12), (last.Done, last.Total));
        Assert.Contains(progress.Reports, p => p.Stage == "thumbnail" && p.Done == p.Total);
    }

    [Fact]
    public void CancelledBuildStops()
    {
        using var slide = Slide();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            SlideGridBuilder.Build(slide, null, null, Options, null, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void MaskAndAnnotationsTogetherAreRefused()
    {
        using var slide = Slide();
        using var mask = SlideBuilder.Mask(512, 384).Build("mask.tif");
        Assert.Throws<ArgumentException>(() => Build(slide, mask, new SlideAnnotations([], [])));
    }

    [Fact]
    public void NonPositiveCellSizeIsRefused()
    {
        using var slide = Slide();
        Assert.Throws<ArgumentOutOfRangeException>(() => Build(slide, options: Options with { CellSize = 0 }));
    }
}
