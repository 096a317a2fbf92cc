namespace TumorWeb.Pipeline.Grid;

/// <summary>
/// Cell counts per slide as the seed prints them. As in the seed, tumor cells are all cells the
/// mask marks, tissue or not (its loc_tumor); normal cells are tissue cells that are not tumor.
/// </summary>
public sealed record SlideGridStats(int GridWidth, int GridHeight, int CellSize, int TissueCells, int TumorCells, int NormalCells);
