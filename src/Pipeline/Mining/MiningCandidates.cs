using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Pipeline.Mining;

/// <summary>The cells mining scores on one training slide: its normal tissue cells, less those the extraction already sampled.</summary>
public static class MiningCandidates
{
    public static CellMask Of(CellMask normal, IReadOnlySet<(int X, int Y)> sampled)
    {
        var candidates = new CellMask(normal.Size);
        foreach (var (x, y) in normal.Cells())
            candidates[x, y] = !sampled.Contains((x, y));
        return candidates;
    }
}
