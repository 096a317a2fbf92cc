using TumorWeb.Pipeline.DeepZoom;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Tests.DeepZoom;

public sealed class DeepZoomGeometryTests
{
    /// <summary>A 1000 x 600 slide with a second level 4 times smaller (250 x 150).</summary>
    private static readonly SlideMetadata TwoLevelSlide = Metadata((1000, 600, 1), (250, 150, 4));

    private static SlideMetadata Metadata(params (long Width, long Height, double Downsample)[] levels) =>
        new("slide.tif", "test", levels.Select(l => new SlideLevel(l.Width, l.Height, l.Downsample)).ToList(),
            null, null, null, null, [], new Dictionary<string, string>());

    private static DeepZoomGeometry Geometry(SlideMetadata slide, DeepZoomOptions? options = null) => new(slide, options ?? new DeepZoomOptions());

    [Fact]
    public void LevelsHalveFromTheSlideSizeDownToOnePixelRoundingUp()
    {
        var geometry = Geometry(TwoLevelSlide);

        Assert.Equal(11, geometry.LevelCount);
        Assert.Equal(new DeepZoomLevel(1, 1, 1, 1), geometry.Level(0));
        Assert.Equal(new DeepZoomLevel(63, 38, 1, 1), geometry.Level(6));
        Assert.Equal(new DeepZoomLevel(500, 300, 2, 2), geometry.Level(9));
        Assert.Equal(new DeepZoomLevel(1000, 600, 4, 3), geometry.Level(10));
    }

    [Fact]
    public void AThirtyThousandPixelSlideHasSixteenLevels()
    {
        var geometry = Geometry(Metadata((30000, 30000, 1)), new DeepZoomOptions { MaxSourcePixels = long.MaxValue });

        Assert.Equal(16, geometry.LevelCount);
        Assert.Equal(new DeepZoomLevel(30000, 30000, 119, 119), geometry.Level(15));
    }

    [Fact]
    public void TheFirstTileOverlapsOnlyItsRightAndLowerNeighbours()
    {
        var tile = Geometry(TwoLevelSlide).Tile(10, 0, 0);

        Assert.Equal(new DeepZoomTile(10, 0, 0, new RegionRequest(0, 0, 0, 255, 255), 255, 255), tile);
        Assert.False(tile.NeedsScaling);
    }

    [Fact]
    public void AnInteriorTileOverlapsOnBothSides()
    {
        var tile = Geometry(TwoLevelSlide).Tile(10, 1, 1);

        Assert.Equal(new RegionRequest(0, 253, 253, 256, 256), tile.Read);
        Assert.Equal((256, 256), (tile.Width, tile.Height));
    }

    [Fact]
    public void TheLastTileIsCutAtTheSlideEdge()
    {
        var tile = Geometry(TwoLevelSlide).Tile(10, 3, 2);

        // Columns start at 762 and rows at 508; the slide ends at 1000 x 600.
        Assert.Equal(new RegionRequest(0, 761, 507, 239, 93), tile.Read);
        Assert.Equal((239, 93), (tile.Width, tile.Height));
    }

    [Fact]
    public void AHalvedLevelReadsTwiceItsSizeFromLevelZeroWhenNoSlideLevelIsCloser()
    {
        var tile = Geometry(TwoLevelSlide).Tile(9, 1, 1);

        Assert.Equal(new RegionRequest(0, 506, 506, 494, 94), tile.Read);
        Assert.Equal((247, 47), (tile.Width, tile.Height));
        Assert.True(tile.NeedsScaling);
    }

    [Fact]
    public void ALevelMatchingASlideLevelReadsItOneToOne()
    {
        var tile = Geometry(TwoLevelSlide).Tile(8, 0, 0);

        Assert.Equal(new RegionRequest(1, 0, 0, 250, 150), tile.Read);
        Assert.Equal((250, 150), (tile.Width, tile.Height));
    }

    [Fact]
    public void TheOnePixelLevelShrinksTheSmallestSlideLevel()
    {
        var tile = Geometry(TwoLevelSlide).Tile(0, 0, 0);

        Assert.Equal(new RegionRequest(1, 0, 0, 250, 150), tile.Read);
        Assert.Equal((1, 1), (tile.Width, tile.Height));
    }

    [Fact]
    public void WithoutOverlapTilesMeetEdgeToEdge()
    {
        var geometry = Geometry(TwoLevelSlide, new DeepZoomOptions { TileSize = 256, Overlap = 0 });

        Assert.Equal(new DeepZoomLevel(1000, 600, 4, 3), geometry.Level(10));
        Assert.Equal(new RegionRequest(0, 256, 256, 256, 256), geometry.Tile(10, 1, 1).Read);
        Assert.Equal(new RegionRequest(0, 768, 512, 232, 88), geometry.Tile(10, 3, 2).Read);
    }

    [Fact]
    public void TilesOutsideTheLevelDoNotExist()
    {
        var geometry = Geometry(TwoLevelSlide);

        Assert.True(geometry.Contains(10, 3, 2));
        Assert.False(geometry.Contains(10, 4, 0));
        Assert.False(geometry.Contains(10, 0, 3));
        Assert.False(geometry.Contains(11, 0, 0));
        Assert.False(geometry.Contains(-1, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => geometry.Tile(10, 4, 0));
    }

    [Fact]
    public void OverviewLevelsThatWouldReadTooMuchOfASingleLevelSlideAreNotServed()
    {
        // Only level 0: level 9's first tile reads 510 x 510 level-0 pixels, level 8's the whole 1000 x 600.
        var geometry = Geometry(Metadata((1000, 600, 1)), new DeepZoomOptions { MaxSourcePixels = 600 * 600 });

        Assert.Equal(9, geometry.LowestServableLevel);
        Assert.False(geometry.Contains(8, 0, 0));
        Assert.True(geometry.Contains(9, 0, 0));
    }

    [Fact]
    public void APyramidServesEveryLevel()
    {
        Assert.Equal(0, Geometry(TwoLevelSlide).LowestServableLevel);
    }
}
