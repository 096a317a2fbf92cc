using TumorWeb.Data.Entities;

namespace TumorWeb.Pipeline.Grid;

/// <summary>
/// Cell counts per slide as the seed prints them. As in the seed, tumor cells are all cells the
/// mask marks, tissue or not (its loc_tumor); normal cells are tissue cells that are not tumor.
/// </summary>
public sealed record SlideGridStats(int GridWidth, int GridHeight, int CellSize, int TissueCells, int TumorCells, int NormalCells)
{
    /// <summary>The one place grid counts are copied onto a slide row; no grid (one that failed) leaves zeros.</summary>
    public static void CopyTo(SlideGridStats? stats, IGridCounts row)
    {
        row.GridWidth = stats?.GridWidth ?? 0;
        row.GridHeight = stats?.GridHeight ?? 0;
        row.TissueCells = stats?.TissueCells ?? 0;
        row.TumorCells = stats?.TumorCells ?? 0;
        row.NormalCells = stats?.NormalCells ?? 0;
    }
}
