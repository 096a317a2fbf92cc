using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Pipeline.Inference;

internal static class CellFlags
{
    /// <summary>The mask as a row-major array, the layout the evaluation functions take.</summary>
    public static bool[] Of(CellMask mask)
    {
        var flags = new bool[mask.Width * mask.Height];
        foreach (var (x, y) in mask.Cells()) flags[y * mask.Width + x] = true;
        return flags;
    }
}
