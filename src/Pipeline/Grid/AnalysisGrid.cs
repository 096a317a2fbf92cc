namespace TumorWeb.Pipeline.Grid;

/// <summary>
/// The geometry of the analysis grid: one cell is a square of <c>cellSize</c> level-0 pixels (the
/// seed's "level 7" pixel, 128x128), and each cell has a larger context patch centred on it.
/// </summary>
public static class AnalysisGrid
{
    public const int DefaultCellSize = 128;
    public const int DefaultContextSize = 299;

    /// <summary>Cells across and down: partial cells at the right and bottom edges count.</summary>
    public static GridSize Size(long slideWidth, long slideHeight, int cellSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cellSize);
        return new GridSize(CellsCovering(slideWidth, cellSize), CellsCovering(slideHeight, cellSize));
    }

    /// <summary>The level-0 square of cell (x, y); it may reach past the slide's right or bottom edge.</summary>
    public static LevelZeroRect Cell(int x, int y, int cellSize) =>
        new((long)x * cellSize, (long)y * cellSize, cellSize, cellSize);

    /// <summary>The part of cell (x, y) that lies on the slide.</summary>
    public static LevelZeroRect CellOnSlide(int x, int y, int cellSize, long slideWidth, long slideHeight)
    {
        var cell = Cell(x, y, cellSize);
        return cell with
        {
            Width = (int)Math.Min(cellSize, slideWidth - cell.X),
            Height = (int)Math.Min(cellSize, slideHeight - cell.Y),
        };
    }

    /// <summary>
    /// The context patch centred on the cell's centre: for cell 128 and patch 299 its top-left is
    /// (128x - 85, 128y - 85), as in the seed. Unlike the seed it is not clamped at 0, so the
    /// patch stays centred; reads outside the slide come back white.
    /// </summary>
    public static LevelZeroRect ContextPatch(int x, int y, int cellSize, int patchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(patchSize);
        var offset = cellSize / 2 - patchSize / 2;
        return new LevelZeroRect((long)x * cellSize + offset, (long)y * cellSize + offset, patchSize, patchSize);
    }

    private static int CellsCovering(long extent, int cellSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(extent);
        return checked((int)((extent + cellSize - 1) / cellSize));
    }
}
