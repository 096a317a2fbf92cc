using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Pipeline.DeepZoom;

/// <summary>A straight piece of an outline from (X0, Y0) to (X1, Y1), in grid cell units (cell (x, y) spans x..x+1, y..y+1).</summary>
public readonly record struct OutlineSegment(int X0, int Y0, int X1, int Y1);

/// <summary>
/// The contours of a cell mask, for drawing ground truth as an outline over the filled prediction:
/// every edge between a set cell and an unset one (or the grid's border), with neighbouring edges on
/// the same line joined into one segment. Horizontal segments come first, row by row, then vertical ones.
/// </summary>
public static class CellOutline
{
    public static IReadOnlyList<OutlineSegment> Segments(CellMask mask)
    {
        var segments = new List<OutlineSegment>();
        // Horizontal edges lie on the lines y = 0..Height, between the cells above and below.
        for (var line = 0; line <= mask.Height; line++)
            AddRuns(segments, mask.Width, x => IsSet(mask, x, line - 1) != IsSet(mask, x, line), (from, to) => new OutlineSegment(from, line, to, line));
        for (var line = 0; line <= mask.Width; line++)
            AddRuns(segments, mask.Height, y => IsSet(mask, line - 1, y) != IsSet(mask, line, y), (from, to) => new OutlineSegment(line, from, line, to));
        return segments;
    }

    /// <summary>One segment per run of consecutive edge positions along a line of <paramref name="length"/> cells.</summary>
    private static void AddRuns(List<OutlineSegment> segments, int length, Func<int, bool> isEdge, Func<int, int, OutlineSegment> segment)
    {
        var start = -1;
        for (var i = 0; i <= length; i++)
        {
            var edge = i < length && isEdge(i);
            if (edge && start < 0) start = i;
            else if (!edge && start >= 0)
            {
                segments.Add(segment(start, i));
                start = -1;
            }
        }
    }

    private static bool IsSet(CellMask mask, int x, int y) => x >= 0 && y >= 0 && x < mask.Width && y < mask.Height && mask[x, y];
}
