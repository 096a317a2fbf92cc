using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Web.Cli;

/// <summary>The JSON shape of <c>grid</c>; the field names are an interface for scripts.</summary>
public sealed record GridReport(
    string Slide,
    int GridWidth,
    int GridHeight,
    int CellSize,
    int TissueCells,
    int TumorCells,
    int NormalCells,
    string Role)
{
    public static GridReport From(SlideGrid grid) => new(grid.SlidePath,
        grid.Stats.GridWidth, grid.Stats.GridHeight, grid.Stats.CellSize,
        grid.Stats.TissueCells, grid.Stats.TumorCells, grid.Stats.NormalCells,
        grid.Role == SlideRole.Tumor ? "tumor" : "normal");
}
