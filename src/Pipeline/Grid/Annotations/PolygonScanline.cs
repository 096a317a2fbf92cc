namespace TumorWeb.Pipeline.Grid.Annotations;

/// <summary>
/// Sweeps one polygon row by row (rows in increasing order) and yields the runs of level-0 pixels
/// whose centres (px + 0.5, py + 0.5) are inside it by the even-odd rule. The edge test and the
/// crossing formula are those of the classic point-in-polygon test (PNPOLY), so a run holds exactly
/// the pixels that test accepts. The edges of a polygon's holes join those of its outline, so even-odd
/// cuts the holes out. Edges enter and leave an active list, so a row costs the edges it
/// crosses, not all edges.
/// </summary>
internal sealed class PolygonScanline
{
    private readonly Edge[] _edges;
    private readonly List<Edge> _active = [];
    private readonly List<double> _crossings = [];
    private int _next;

    public PolygonScanline(Polygon polygon)
    {
        var edges = new List<Edge>();
        foreach (var points in polygon.Rings)
            for (int i = 0, j = points.Count - 1; i < points.Count; j = i++)
                edges.Add(new Edge(points[i], points[j]));
        _edges = edges.ToArray();
        Array.Sort(_edges, (a, b) => a.FirstRow.CompareTo(b.FirstRow));
        FirstRow = _edges.Length == 0 ? 0 : _edges.Min(e => e.FirstRow);
        EndRow = _edges.Length == 0 ? 0 : _edges.Max(e => e.EndRow);
    }

    /// <summary>Rows [FirstRow, EndRow) may hold pixels of the polygon.</summary>
    public long FirstRow { get; }
    public long EndRow { get; }

    public void AddRuns(long row, List<PixelInterval> runs)
    {
        while (_next < _edges.Length && _edges[_next].FirstRow <= row) _active.Add(_edges[_next++]);
        _active.RemoveAll(e => e.EndRow <= row);
        var y = row + 0.5;
        _crossings.Clear();
        foreach (var e in _active)
            if ((e.Yi > y) != (e.Yj > y))
                _crossings.Add((e.Xj - e.Xi) * (y - e.Yi) / (e.Yj - e.Yi) + e.Xi);
        _crossings.Sort();
        for (var k = 0; k + 1 < _crossings.Count; k += 2)
        {
            var start = FirstCentreAtOrAfter(_crossings[k]);
            var end = FirstCentreAtOrAfter(_crossings[k + 1]);
            if (end > start) runs.Add(new PixelInterval(start, end));
        }
    }

    /// <summary>
    /// The first pixel px with px + 0.5 &gt;= x. PNPOLY counts crossings strictly right of the centre,
    /// so a pixel is inside when crossing 2k &lt;= its centre &lt; crossing 2k+1.
    /// </summary>
    private static long FirstCentreAtOrAfter(double x)
    {
        var px = (long)Math.Ceiling(x - 0.5);
        while (px - 1 + 0.5 >= x) px--;
        while (px + 0.5 < x) px++;
        return px;
    }

    private readonly record struct Edge(double Xi, double Yi, double Xj, double Yj)
    {
        public Edge(PointD i, PointD j) : this(i.X, i.Y, j.X, j.Y) { }

        // One row of slack either side; AddRuns applies the exact test.
        public long FirstRow => (long)Math.Floor(Math.Min(Yi, Yj)) - 1;
        public long EndRow => (long)Math.Ceiling(Math.Max(Yi, Yj)) + 1;
    }
}
