namespace TumorWeb.Pipeline.Grid;

/// <summary>How many cells the analysis grid has across and down.</summary>
public readonly record struct GridSize(int Width, int Height)
{
    public int CellCount => checked(Width * Height);
}
