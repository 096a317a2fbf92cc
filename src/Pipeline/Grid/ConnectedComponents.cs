namespace TumorWeb.Pipeline.Grid;

/// <summary>8-connected components of a cell mask (diagonal neighbours touch).</summary>
public static class ConnectedComponents
{
    /// <summary>
    /// Labels each set cell with its component number, 1..n in the row order of each component's
    /// first cell; unset cells get 0. <c>Sizes[k]</c> is the cell count of component k (Sizes[0] = 0).
    /// </summary>
    public static ComponentLabels Label(CellMask mask)
    {
        var labels = new int[mask.Width * mask.Height];
        var sizes = new List<int> { 0 };
        var stack = new Stack<(int X, int Y)>();
        foreach (var (x, y) in mask.Cells())
        {
            if (labels[y * mask.Width + x] != 0) continue;
            sizes.Add(Flood(mask, labels, stack, x, y, sizes.Count));
        }
        return new ComponentLabels(mask.Width, mask.Height, labels, sizes.ToArray());
    }

    /// <summary>The mask without components of fewer than <paramref name="minCells"/> cells.</summary>
    public static CellMask RemoveSmall(CellMask mask, int minCells)
    {
        var components = Label(mask);
        var result = new CellMask(mask.Size);
        foreach (var (x, y) in mask.Cells())
            result[x, y] = components.Sizes[components[x, y]] >= minCells;
        return result;
    }

    private static int Flood(CellMask mask, int[] labels, Stack<(int X, int Y)> stack, int x, int y, int label)
    {
        var size = 0;
        labels[y * mask.Width + x] = label;
        stack.Push((x, y));
        while (stack.TryPop(out var cell))
        {
            size++;
            for (var dy = -1; dy <= 1; dy++)
            for (var dx = -1; dx <= 1; dx++)
            {
                int nx = cell.X + dx, ny = cell.Y + dy;
                if (nx < 0 || ny < 0 || nx >= mask.Width || ny >= mask.Height) continue;
                if (!mask[nx, ny] || labels[ny * mask.Width + nx] != 0) continue;
                labels[ny * mask.Width + nx] = label;
                stack.Push((nx, ny));
            }
        }
        return size;
    }
}
