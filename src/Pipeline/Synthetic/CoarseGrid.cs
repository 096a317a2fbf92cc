using System.Buffers;
using System.Runtime.CompilerServices;

namespace TumorWeb.Pipeline.Synthetic;

/// <summary>
/// A smooth field over the whole slide stored at low resolution (nodes <see cref="Spacing"/>
/// pixels apart) and read back with bilinear interpolation, so it costs the same at any slide size.
/// </summary>
internal sealed class CoarseGrid
{
    private readonly float[] _values;

    public CoarseGrid(int columns, int rows, double spacing, float[] values)
    {
        if (values.Length != columns * rows) throw new ArgumentException("grid values do not match its size");
        (Columns, Rows, Spacing, _values) = (columns, rows, spacing, values);
    }

    public int Columns { get; }
    public int Rows { get; }
    public double Spacing { get; }

    /// <summary>
    /// Node spacing that gives about <paramref name="nodesPerSide"/> nodes along each side of a square
    /// slide, and keeps long thin slides at least 16 nodes across.
    /// </summary>
    public static double SpacingFor(int width, int height, int nodesPerSide) =>
        Math.Min(Math.Sqrt((double)width * height) / (nodesPerSide - 1), Math.Min(width, height) / 16.0);

    /// <summary>Nodes <paramref name="spacing"/> pixels apart, enough to cover the slide.</summary>
    public static CoarseGrid Cover(int width, int height, double spacing, Func<double, double, float> valueAt)
    {
        var columns = (int)Math.Ceiling(width / spacing) + 2;
        var rows = (int)Math.Ceiling(height / spacing) + 2;
        var values = new float[columns * rows];
        for (var j = 0; j < rows; j++)
        for (var i = 0; i < columns; i++)
            values[j * columns + i] = valueAt(i * spacing, j * spacing);
        return new CoarseGrid(columns, rows, spacing, values);
    }

    /// <summary>Fractal noise in [0, 1] whose largest features span <paramref name="featureNodes"/> grid nodes.</summary>
    public static CoarseGrid Noise(int width, int height, double spacing, double featureNodes, int octaves, ulong seed)
    {
        var shape = Cover(width, height, spacing, (_, _) => 0);
        var values = ValueNoise.Fractal(shape.Columns, shape.Rows, featureNodes, featureNodes, octaves, seed, wrap: false);
        return new CoarseGrid(shape.Columns, shape.Rows, shape.Spacing, values);
    }

    public float Node(int column, int row) =>
        _values[Math.Clamp(row, 0, Rows - 1) * Columns + Math.Clamp(column, 0, Columns - 1)];

    public float Sample(double x, double y)
    {
        var (i, fx) = Split(x);
        var (j, fy) = Split(y);
        var top = Node(i, j) + (Node(i + 1, j) - Node(i, j)) * fx;
        var bottom = Node(i, j + 1) + (Node(i + 1, j + 1) - Node(i, j + 1)) * fx;
        return top + (bottom - top) * fy;
    }

    /// <summary>The lowest node of the cell holding (x, y): bilinear values never go below it inside the cell.</summary>
    public float CellMinimum(double x, double y)
    {
        var (i, _) = Split(x);
        var (j, _) = Split(y);
        return Math.Min(Math.Min(Node(i, j), Node(i + 1, j)), Math.Min(Node(i, j + 1), Node(i + 1, j + 1)));
    }

    /// <summary>Samples a whole pixel row: x = 0 .. destination.Length - 1 at height y.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SampleRow(double y, Span<float> destination)
    {
        var (j, fy) = Split(y);
        var column = ArrayPool<float>.Shared.Rent(Columns);
        for (var i = 0; i < Columns; i++) column[i] = Node(i, j) + (Node(i, j + 1) - Node(i, j)) * fy;
        var step = (float)(1 / Spacing);
        for (var x = 0; x < destination.Length; x++)
        {
            var position = x * step;
            var i = (int)position;
            destination[x] = column[i] + (column[i + 1] - column[i]) * (position - i);
        }
        ArrayPool<float>.Shared.Return(column);
    }

    private (int Index, float Fraction) Split(double position)
    {
        var scaled = Math.Max(0, position / Spacing);
        var index = (int)scaled;
        return (index, (float)(scaled - index));
    }
}
