using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Pipeline.Inference.Regions;

/// <summary>A corner of the cell lattice: cell (x, y) spans corners (x, y) to (x + 1, y + 1).</summary>
public readonly record struct CellCorner(int X, int Y);

/// <summary>One 4-connected region of set cells: its cells, its outline and its holes, as corners of the cell lattice.</summary>
public sealed record CellRegion(IReadOnlyList<(int X, int Y)> Cells, IReadOnlyList<CellCorner> Outline, IReadOnlyList<IReadOnlyList<CellCorner>> Holes);

/// <summary>
/// The exact outlines of a cell mask's regions: each region's boundary is walked along cell edges
/// with the set cells on the right, keeping only the corners, so an L of cells gives its six corners.
/// </summary>
/// <remarks>
/// Regions are 4-connected: two cells touching only at a corner belong to different regions. Where a
/// walk comes back to a corner it already passed (two set cells meeting diagonally inside one
/// region), the ring is split there, so every ring is simple and the polygons are valid in the
/// OGC sense QuPath and NetTopologySuite check (rings may touch at a point, never cross). Outlines
/// turn clockwise on screen (y down) and holes the other way.
/// </remarks>
public static class CellContours
{
    // Directions E, S, W, N in screen coordinates (y down); turning right is +1.
    private static readonly (int X, int Y)[] Step = [(1, 0), (0, 1), (-1, 0), (0, -1)];

    // The cell on the right of an edge leaving a corner in each direction, relative to the corner.
    private static readonly (int X, int Y)[] RightCell = [(0, 0), (-1, 0), (-1, -1), (0, -1)];

    public static IReadOnlyList<CellRegion> Trace(CellMask mask)
    {
        var labels = Label(mask, out var cells);
        var outlines = new CellCorner[cells.Count][];
        var holes = cells.Select(_ => new List<IReadOnlyList<CellCorner>>()).ToArray();
        var visited = new byte[mask.Width * mask.Height];
        for (var y = 0; y < mask.Height; y++)
        for (var x = 0; x < mask.Width; x++)
        for (var side = 0; side < 4; side++)
        {
            if (!mask[x, y] || (visited[y * mask.Width + x] & (1 << side)) != 0 || IsSet(mask, x + Step[(side + 3) % 4].X, y + Step[(side + 3) % 4].Y)) continue;
            var region = labels[y * mask.Width + x] - 1;
            foreach (var ring in SplitAtRepeatedCorners(Walk(mask, visited, x, y, side)))
            {
                if (TwiceSignedArea(ring) > 0)
                {
                    if (outlines[region] is not null) throw new InvalidOperationException($"region {region} traced two outlines");
                    outlines[region] = ring.ToArray();
                }
                else holes[region].Add(ring.ToArray());
            }
        }
        return Enumerable.Range(0, cells.Count).Select(i => new CellRegion(cells[i], outlines[i], holes[i])).ToList();
    }

    /// <summary>Twice the shoelace area with y down: positive for outlines, negative for holes.</summary>
    public static long TwiceSignedArea(IReadOnlyList<CellCorner> ring)
    {
        long sum = 0;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
            sum += (long)ring[j].X * ring[i].Y - (long)ring[i].X * ring[j].Y;
        return sum;
    }

    private static bool IsSet(CellMask mask, int x, int y) => x >= 0 && y >= 0 && x < mask.Width && y < mask.Height && mask[x, y];

    /// <summary>
    /// Follows the boundary from one side of a cell (0 top, 1 right, 2 bottom, 3 left: the edge
    /// walked E, S, W or N with the cell on its right) until it returns, recording the corners where it turns.
    /// </summary>
    private static List<CellCorner> Walk(CellMask mask, byte[] visited, int cellX, int cellY, int side)
    {
        var start = side switch { 0 => new CellCorner(cellX, cellY), 1 => new(cellX + 1, cellY), 2 => new(cellX + 1, cellY + 1), _ => new(cellX, cellY + 1) };
        var (corner, direction) = (start, side);
        var turns = new List<CellCorner>();
        do
        {
            var right = Cell(corner, direction);
            visited[right.Y * mask.Width + right.X] |= (byte)(1 << direction);
            corner = new CellCorner(corner.X + Step[direction].X, corner.Y + Step[direction].Y);
            var next = NextDirection(mask, corner, direction);
            if (next != direction) turns.Add(corner);
            direction = next;
        }
        while (corner != start || direction != side);
        return turns;
    }

    /// <summary>Turn right around the same cell when possible, so cells meeting only at a corner stay apart.</summary>
    private static int NextDirection(CellMask mask, CellCorner corner, int direction)
    {
        var aheadRight = Cell(corner, direction);
        if (!IsSet(mask, aheadRight.X, aheadRight.Y)) return (direction + 1) % 4;
        var aheadLeft = Cell(corner, (direction + 3) % 4);
        return IsSet(mask, aheadLeft.X, aheadLeft.Y) ? (direction + 3) % 4 : direction;
    }

    private static (int X, int Y) Cell(CellCorner corner, int direction) =>
        (corner.X + RightCell[direction].X, corner.Y + RightCell[direction].Y);

    /// <summary>A walk that passes a corner twice is two rings touching there.</summary>
    private static List<List<CellCorner>> SplitAtRepeatedCorners(List<CellCorner> walk)
    {
        var rings = new List<List<CellCorner>>();
        var current = new List<CellCorner>();
        var seen = new Dictionary<CellCorner, int>();
        foreach (var corner in walk)
        {
            if (seen.TryGetValue(corner, out var at))
            {
                rings.Add(current.GetRange(at, current.Count - at));
                foreach (var gone in current.Skip(at + 1)) seen.Remove(gone);
                current.RemoveRange(at + 1, current.Count - at - 1);
                continue;
            }
            seen[corner] = current.Count;
            current.Add(corner);
        }
        rings.Add(current);
        return rings;
    }

    /// <summary>4-connected labels 1..n in row order of each region's first cell, with each region's cells.</summary>
    private static int[] Label(CellMask mask, out List<IReadOnlyList<(int X, int Y)>> regions)
    {
        var labels = new int[mask.Width * mask.Height];
        regions = [];
        var stack = new Stack<(int X, int Y)>();
        foreach (var (x, y) in mask.Cells())
        {
            if (labels[y * mask.Width + x] != 0) continue;
            var cells = new List<(int X, int Y)>();
            var label = regions.Count + 1;
            labels[y * mask.Width + x] = label;
            stack.Push((x, y));
            while (stack.Count > 0)
            {
                var cell = stack.Pop();
                cells.Add(cell);
                foreach (var (dx, dy) in Step)
                {
                    var (nx, ny) = (cell.X + dx, cell.Y + dy);
                    if (!IsSet(mask, nx, ny) || labels[ny * mask.Width + nx] != 0) continue;
                    labels[ny * mask.Width + nx] = label;
                    stack.Push((nx, ny));
                }
            }
            regions.Add(cells);
        }
        return labels;
    }
}
