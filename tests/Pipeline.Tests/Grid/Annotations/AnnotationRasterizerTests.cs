using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Grid.Annotations;

namespace TumorWeb.Pipeline.Tests.Grid.Annotations;

public class AnnotationRasterizerTests
{
    private static Polygon Shape(params double[] xy) =>
        new(Enumerable.Range(0, xy.Length / 2).Select(i => new PointD(xy[2 * i], xy[2 * i + 1])).ToArray());

    private static Polygon Rectangle(double left, double top, double right, double bottom) =>
        Shape(left, top, right, top, right, bottom, left, bottom);

    private static string[] Rasterize(long width, long height, Polygon[] tumor, Polygon[]? exclusion = null) =>
        CellMasks.Draw(AnnotationRasterizer.TumorCells(new SlideAnnotations(tumor, exclusion ?? []), width, height, 128));

    [Fact]
    public void TriangleMarksTheCellsItsPixelCentresFallIn() =>
        Assert.Equal(["##..", "#...", "...."], Rasterize(512, 384, [Shape(0, 0, 256, 0, 0, 256)]));

    [Fact]
    public void PolygonInsideOneCellMarksOnlyThatCell() =>
        Assert.Equal(["....", ".#..", "...."], Rasterize(512, 384, [Rectangle(130.2, 140.7, 140.9, 150.3)]));

    [Fact]
    public void SliverBetweenPixelCentresMarksNothing() =>
        Assert.Equal(["..", ".."], Rasterize(256, 256, [Rectangle(10.6, 10.6, 10.9, 200)]));

    [Fact]
    public void SliverOverOnePixelCentreInTheNextCellMarksIt() =>
        Assert.Equal([".#", ".."], Rasterize(256, 256, [Rectangle(128.4, 0.2, 128.6, 0.7)]));

    [Fact]
    public void ExclusionCoveringAWholeCellCutsItOut() =>
        Assert.Equal(["###.", "#.#.", "###."],
            Rasterize(512, 384, [Rectangle(0, 0, 384, 384)], [Rectangle(128, 128, 256, 256)]));

    [Fact]
    public void ExclusionMissingOnePixelCentreOfTheCellLeavesItTumor() =>
        Assert.Equal(["###.", "###.", "###."],
            Rasterize(512, 384, [Rectangle(0, 0, 384, 384)], [Rectangle(128.6, 128, 256, 256)]));

    [Fact]
    public void SelfOverlappingPolygonFollowsTheEvenOddRule()
    {
        // A square traced twice around a smaller inner square: the ring is inside, the centre a hole.
        var ring = Shape(0, 0, 384, 0, 384, 384, 0, 384, 0, 0, 128, 128, 128, 256, 256, 256, 256, 128, 128, 128);
        Assert.Equal(["###.", "#.#.", "###."], Rasterize(512, 384, [ring]));
    }

    [Fact]
    public void PolygonsReachingPastTheSlideAreClipped() =>
        Assert.Equal(["##", "##"], Rasterize(200, 200, [Rectangle(-50, -50, 900, 900)]));

    [Fact]
    public void NoTumorPolygonsMeanNoTumorCells() =>
        Assert.Equal(["..", ".."], Rasterize(256, 256, [], [Rectangle(0, 0, 256, 256)]));

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public void AgreesWithBruteForceOnRandomPolygons(int seed, bool onHalfPixels)
    {
        // On half pixels, vertices and edges pass exactly through pixel centres: the tie cases.
        var random = new Random(seed);
        double Coordinate(double range) => onHalfPixels
            ? Math.Round(random.NextDouble() * range * 2) / 2 - 20
            : random.NextDouble() * range - 20;
        Polygon RandomPolygon(int points) => new(Enumerable.Range(0, points)
            .Select(_ => new PointD(Coordinate(340), Coordinate(240))).ToArray());
        var annotations = new SlideAnnotations(
            [RandomPolygon(3), RandomPolygon(7), RandomPolygon(12)],
            [RandomPolygon(5), RandomPolygon(9)]);

        var cells = AnnotationRasterizer.TumorCells(annotations, 300, 200, 16);

        Assert.InRange(cells.Count, 1, 19 * 13 - 1);
        Assert.Equal(PolygonReference.TumorCells(annotations, 300, 200, 16), cells.Cells().Order());
    }

    [SkippableFact]
    public void RealCamelyonAnnotationRasterisesToTheSameCellsAsBruteForce()
    {
        var annotations = AsapAnnotationReader.Read(TestPaths.TestData("camelyon17-annotation/patient_004_node_4.xml"));
        var (width, height) = (40_000L, 100_000L);

        var cells = AnnotationRasterizer.TumorCells(annotations, width, height, 128);

        Assert.Equal(36, cells.Count);
        Assert.True(cells[105, 682]);
        Assert.Equal(PolygonReference.TumorCells(annotations, width, height, 128), cells.Cells().Order());
    }
}
