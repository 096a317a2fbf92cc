using TumorWeb.Pipeline.Synthetic;

namespace TumorWeb.Pipeline.Tests.Synthetic;

public class PolygonRasterizerTests
{
    [Fact]
    public void PixelIsFilledWhenItsCentreIsInside()
    {
        // x from 1.5 to 4.5 holds the centres 1.5, 2.5, 3.5 (pixels 1-3); 4.5 is on the right edge, outside.
        var square = new SynthPolygon([new(1.5, 0), new(4.5, 0), new(4.5, 3), new(1.5, 3)]);
        var row = new byte[6];
        PolygonRasterizer.FillRow([square], 1, row, 255);
        Assert.Equal(new byte[] { 0, 255, 255, 255, 0, 0 }, row);
    }

    [Fact]
    public void RowsAreFilledWhileTheirCentreLineCrossesThePolygon()
    {
        // Centres lie at y + 0.5: row 2 (2.5) is inside, row 3 (3.5) is not.
        var square = new SynthPolygon([new(0, 0), new(4, 0), new(4, 2.6), new(0, 2.6)]);
        var row = new byte[4];
        PolygonRasterizer.FillRow([square], 2, row, 255);
        Assert.Equal(new byte[] { 255, 255, 255, 255 }, row);
        Array.Clear(row);
        PolygonRasterizer.FillRow([square], 3, row, 255);
        Assert.Equal(new byte[4], row);
    }

    [Fact]
    public void CentresOnTheBottomEdgeAreOutside()
    {
        // Half-open like pixel grids: a polygon from y = 0 to 2.5 holds centres 0.5 and 1.5 only.
        var square = new SynthPolygon([new(0, 0), new(4, 0), new(4, 2.5), new(0, 2.5)]);
        var row = new byte[4];
        PolygonRasterizer.FillRow([square], 2, row, 255);
        Assert.Equal(new byte[4], row);
    }

    [Fact]
    public void ConcaveOutlinesLeaveTheirNotchEmpty()
    {
        var u = new SynthPolygon([new(0, 0), new(2, 0), new(2, 3), new(4, 3), new(4, 0), new(6, 0), new(6, 5), new(0, 5)]);
        var row = new byte[7];
        PolygonRasterizer.FillRow([u], 1, row, 1);
        Assert.Equal(new byte[] { 1, 1, 0, 0, 1, 1, 0 }, row);
    }

    [Fact]
    public void PolygonsSpillingOverTheEdgesAreClipped()
    {
        var wide = new SynthPolygon([new(-10, -10), new(10, -10), new(10, 10), new(-10, 10)]);
        var row = new byte[3];
        PolygonRasterizer.FillRow([wide], 0, row, 7);
        Assert.Equal(new byte[] { 7, 7, 7 }, row);
    }

    [Fact]
    public void MaskAgreesWithContainsOnIrregularOutlines()
    {
        var random = new SynthRandom(42);
        var star = StarPolygon.Create(60.3, 55.7, 40, ref random);
        var row = new byte[128];
        for (var y = 0; y < 128; y++)
        {
            Array.Clear(row);
            PolygonRasterizer.FillRow([star], y, row, 1);
            for (var x = 0; x < 128; x++)
                Assert.True((row[x] == 1) == star.Contains(x + 0.5, y + 0.5), $"pixel ({x}, {y})");
        }
    }
}
