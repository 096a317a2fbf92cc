using NetTopologySuite.Geometries;
using Polygon = TumorWeb.Pipeline.Grid.Annotations.Polygon;
using NetTopologySuite.Operation.Valid;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Pipeline.Inference.Regions;
using TumorWeb.Pipeline.Tests.Grid;

namespace TumorWeb.Pipeline.Tests.Inference.Regions;

public class CellContoursTests
{
    private static CellCorner[] Corners(params int[] xy) =>
        Enumerable.Range(0, xy.Length / 2).Select(i => new CellCorner(xy[2 * i], xy[2 * i + 1])).ToArray();

    [Fact]
    public void OneCellIsItsFourCorners()
    {
        var region = Assert.Single(CellContours.Trace(CellMasks.Parse("...", ".#.", "...")));
        Assert.Equal(Corners(2, 1, 2, 2, 1, 2, 1, 1), region.Outline);
        Assert.Empty(region.Holes);
        Assert.Equal([(1, 1)], region.Cells);
    }

    [Fact]
    public void AnLOfCellsIsItsSixCorners()
    {
        var region = Assert.Single(CellContours.Trace(CellMasks.Parse("#..", "#..", "###")));
        Assert.Equal(Corners(1, 0, 1, 2, 3, 2, 3, 3, 0, 3, 0, 0), region.Outline);
        Assert.Equal(5, region.Cells.Count);
    }

    [Fact]
    public void ARingOfCellsHasAHoleTurningTheOtherWay()
    {
        var region = Assert.Single(CellContours.Trace(CellMasks.Parse("###", "#.#", "###")));
        Assert.Equal(Corners(3, 0, 3, 3, 0, 3, 0, 0), region.Outline);
        var hole = Assert.Single(region.Holes);
        Assert.Equal(Corners(1, 1, 1, 2, 2, 2, 2, 1), hole);
        Assert.True(CellContours.TwiceSignedArea(region.Outline) > 0);
        Assert.True(CellContours.TwiceSignedArea(hole) < 0);
    }

    [Fact]
    public void AnIslandInAHoleIsARegionOfItsOwn()
    {
        var regions = CellContours.Trace(CellMasks.Parse("#####", "#...#", "#.#.#", "#...#", "#####"));
        Assert.Equal(2, regions.Count);
        Assert.Single(regions[0].Holes);
        Assert.Equal(Corners(3, 2, 3, 3, 2, 3, 2, 2), regions[1].Outline);
    }

    [Fact]
    public void CellsTouchingOnlyAtACornerAreTwoRegions()
    {
        var regions = CellContours.Trace(CellMasks.Parse("#.", ".#"));
        Assert.Equal(Corners(1, 0, 1, 1, 0, 1, 0, 0), regions[0].Outline);
        Assert.Equal(Corners(2, 1, 2, 2, 1, 2, 1, 1), regions[1].Outline);
    }

    [Fact]
    public void ABayClosedAtACornerIsAHoleTouchingTheOutlineThere()
    {
        // The empty cell at (1, 1) reaches the outside only through the corner (2, 2).
        var region = Assert.Single(CellContours.Trace(CellMasks.Parse("###", "#.#", "##.")));
        var hole = Assert.Single(region.Holes);
        Assert.Equal(Corners(1, 1, 1, 2, 2, 1, 2, 2), hole.OrderBy(c => c.X).ThenBy(c => c.Y));
        Assert.True(CellContours.TwiceSignedArea(hole) < 0);
        Assert.Contains(new CellCorner(2, 2), region.Outline);
        Assert.Equal(6, region.Outline.Count);
    }

    [Fact]
    public void TwoHoleCellsMeetingAtACornerAreTwoHoles()
    {
        var region = Assert.Single(CellContours.Trace(CellMasks.Parse("####", "#.##", "##.#", "####")));
        Assert.Equal(2, region.Holes.Count);
    }

    [Theory]
    [InlineData(1, 0.3)]
    [InlineData(2, 0.5)]
    [InlineData(3, 0.7)]
    [InlineData(4, 0.45)]
    public void RandomMasksComeBackExactlyThroughTheRasteriserAsValidPolygons(int seed, double density)
    {
        var random = new Random(seed);
        var mask = new CellMask(23, 17);
        for (var y = 0; y < mask.Height; y++)
        for (var x = 0; x < mask.Width; x++)
            mask[x, y] = random.NextDouble() < density;

        var regions = CellContours.Trace(mask);
        var polygons = regions.Select(r => new Polygon(Scaled(r.Outline)) { Holes = r.Holes.Select(Scaled).ToArray() }).ToList();
        var cells = AnnotationRasterizer.TumorCells(new SlideAnnotations(polygons, []), 23 * 8, 17 * 8, 8);

        Assert.Equal(CellMasks.Draw(mask), CellMasks.Draw(cells));
        Assert.Equal(mask.Count, regions.Sum(r => r.Cells.Count));
        var factory = new GeometryFactory();
        foreach (var region in regions)
        {
            var geometry = factory.CreatePolygon(Ring(factory, region.Outline), region.Holes.Select(h => Ring(factory, h)).ToArray());
            var validity = new IsValidOp(geometry);
            Assert.True(validity.IsValid, validity.ValidationError?.ToString());
        }
    }

    private static PointD[] Scaled(IReadOnlyList<CellCorner> ring) => ring.Select(c => new PointD(c.X * 8, c.Y * 8)).ToArray();

    private static LinearRing Ring(GeometryFactory factory, IReadOnlyList<CellCorner> ring) =>
        factory.CreateLinearRing(ring.Append(ring[0]).Select(c => new Coordinate(c.X, c.Y)).ToArray());
}
