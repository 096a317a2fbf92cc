using TumorWeb.Pipeline.Synthetic;

namespace TumorWeb.Pipeline.Tests.Synthetic;

/// <summary>A painter whose every byte is known: (3x + 5y + 11 band) mod 256.</summary>
internal sealed class GradientPainter(int width, int height, int bands) : IRowPainter
{
    public int Width => width;
    public int Height => height;
    public int Bands => bands;

    public static byte Expected(int x, int y, int band) => (byte)(3 * x + 5 * y + 11 * band);

    public void Paint(int top, int rows, Span<byte> destination, int stride)
    {
        for (var r = 0; r < rows; r++)
        for (var x = 0; x < width; x++)
        for (var b = 0; b < bands; b++)
            destination[r * stride + x * bands + b] = Expected(x, top + r, b);
    }
}
