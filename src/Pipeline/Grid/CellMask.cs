namespace TumorWeb.Pipeline.Grid;

/// <summary>One flag per grid cell (tissue, tumor or normal), stored row by row.</summary>
public sealed class CellMask
{
    private readonly bool[] _cells;

    public CellMask(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        Width = width;
        Height = height;
        _cells = new bool[checked(width * height)];
    }

    public CellMask(GridSize size) : this(size.Width, size.Height) { }

    public int Width { get; }
    public int Height { get; }
    public GridSize Size => new(Width, Height);

    public bool this[int x, int y]
    {
        get => _cells[Index(x, y)];
        set => _cells[Index(x, y)] = value;
    }

    /// <summary>How many cells are set.</summary>
    public int Count => _cells.Count(set => set);

    /// <summary>The set cells in row order, as (x, y) grid coordinates.</summary>
    public IEnumerable<(int X, int Y)> Cells()
    {
        for (var i = 0; i < _cells.Length; i++)
            if (_cells[i]) yield return (i % Width, i / Width);
    }

    /// <summary>Cells set here and not in <paramref name="other"/>.</summary>
    public CellMask Except(CellMask other)
    {
        if (other.Size != Size) throw new ArgumentException($"mask sizes differ: {Size} and {other.Size}");
        var result = new CellMask(Size);
        for (var i = 0; i < _cells.Length; i++) result._cells[i] = _cells[i] && !other._cells[i];
        return result;
    }

    private int Index(int x, int y)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
            throw new ArgumentOutOfRangeException(nameof(x), $"cell ({x}, {y}) is outside the {Width}x{Height} grid");
        return y * Width + x;
    }
}
