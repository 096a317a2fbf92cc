namespace TumorWeb.Pipeline.Evaluation;

/// <summary>Maximum over the (2 radius + 1)-square window around each cell, clipped at the edges.</summary>
internal static class WindowMax
{
    // A square maximum is a row maximum followed by a column maximum: O(cells x radius), not x radius^2.
    public static float[] Of(float[] values, int width, int height, int radius)
    {
        var rows = new float[values.Length];
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
            rows[y * width + x] = MaxAlong(values, y * width, 1, Math.Max(0, x - radius), Math.Min(width - 1, x + radius));
        var square = new float[values.Length];
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
            square[y * width + x] = MaxAlong(rows, x, width, Math.Max(0, y - radius), Math.Min(height - 1, y + radius));
        return square;
    }

    private static float MaxAlong(float[] values, int origin, int stride, int from, int to)
    {
        var max = float.NegativeInfinity;
        for (var k = from; k <= to; k++)
            max = Math.Max(max, values[origin + k * stride]);
        return max;
    }
}
