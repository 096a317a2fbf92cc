namespace TumorWeb.Pipeline.Evaluation;

/// <summary>Bresenham's line: the pixels from one end to the other, both ends included, each step moving one pixel.</summary>
public static class RasterLine
{
    public static IEnumerable<(int X, int Y)> Points(int x0, int y0, int x1, int y1)
    {
        int dx = Math.Abs(x1 - x0), dy = -Math.Abs(y1 - y0);
        int stepX = x0 < x1 ? 1 : -1, stepY = y0 < y1 ? 1 : -1;
        var error = dx + dy;
        while (true)
        {
            yield return (x0, y0);
            if (x0 == x1 && y0 == y1) yield break;
            var doubled = 2 * error;
            if (doubled >= dy)
            {
                error += dy;
                x0 += stepX;
            }
            if (doubled <= dx)
            {
                error += dx;
                y0 += stepY;
            }
        }
    }
}
