namespace TumorWeb.Data.Entities;

/// <summary>A slide row that records its analysis grid's size and cell counts (a registered slide, a run's slide).</summary>
public interface IGridCounts
{
    int GridWidth { get; set; }
    int GridHeight { get; set; }
    int TissueCells { get; set; }
    int TumorCells { get; set; }
    int NormalCells { get; set; }
}
