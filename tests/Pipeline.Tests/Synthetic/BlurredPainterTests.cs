using TumorWeb.Pipeline.Synthetic;

namespace TumorWeb.Pipeline.Tests.Synthetic;

public class BlurredPainterTests
{
    [Fact]
    public void SpreadsAPointByTheKernelWeights()
    {
        // sigma 0.5: side weight 0.125 * 256 = 32, centre 192. A 200 point becomes 200*192*192/65536 = 112.5
        // in the middle, 200*32*192/65536 = 18.75 beside it and 200*32*32/65536 = 3.1 diagonally.
        var blurred = Paint(new BlurredPainter(new PointPainter(5, 5, 2, 2, 200), 0.5), 5, 5);
        Assert.Equal(113, blurred[2, 2]);
        Assert.Equal(19, blurred[1, 2]);
        Assert.Equal(19, blurred[2, 3]);
        Assert.Equal(3, blurred[1, 1]);
        Assert.Equal(0, blurred[0, 2]);
    }

    [Fact]
    public void FlatImagesStayFlatUpToTheEdges()
    {
        var blurred = Paint(new BlurredPainter(new PointPainter(70, 9, -1, -1, 0, background: 180), 0.7), 70, 9);
        Assert.All(blurred.Cast<byte>(), v => Assert.Equal(180, v));
    }

    [Fact]
    public void BandsPaintedSeparatelyMatchTheWholeImage()
    {
        var painter = new BlurredPainter(new GradientPainter(40, 12, 3), 0.6);
        var whole = new byte[12 * 120];
        painter.Paint(0, 12, whole, 120);
        var pieces = new byte[12 * 120];
        painter.Paint(0, 5, pieces, 120);
        painter.Paint(5, 7, pieces.AsSpan(5 * 120), 120);
        Assert.Equal(whole, pieces);
    }

    private static byte[,] Paint(IRowPainter painter, int width, int height)
    {
        var bytes = new byte[width * height];
        painter.Paint(0, height, bytes, width);
        var grid = new byte[height, width];
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
            grid[y, x] = bytes[y * width + x];
        return grid;
    }

    /// <summary>A grey image, flat but for one pixel.</summary>
    private sealed class PointPainter(int width, int height, int pointX, int pointY, byte value, byte background = 0) : IRowPainter
    {
        public int Width => width;
        public int Height => height;
        public int Bands => 1;

        public void Paint(int top, int rows, Span<byte> destination, int stride)
        {
            for (var r = 0; r < rows; r++)
            for (var x = 0; x < width; x++)
                destination[r * stride + x] = top + r == pointY && x == pointX ? value : background;
        }
    }
}
