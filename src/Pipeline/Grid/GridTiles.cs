namespace TumorWeb.Pipeline.Grid;

/// <summary>The grid cut into square tiles of whole cells, numbered row by row.</summary>
internal readonly record struct GridTiles(GridSize Grid, int TileCells)
{
    public int Across => (Grid.Width + TileCells - 1) / TileCells;
    public int Down => (Grid.Height + TileCells - 1) / TileCells;
    public int Count => Across * Down;

    /// <summary>The cells of tile <paramref name="index"/>: first column and row, and how many of each.</summary>
    public (int X, int Y, int Width, int Height) this[int index]
    {
        get
        {
            var x = index % Across * TileCells;
            var y = index / Across * TileCells;
            return (x, y, Math.Min(TileCells, Grid.Width - x), Math.Min(TileCells, Grid.Height - y));
        }
    }
}
