namespace TumorWeb.Pipeline.Grid.Annotations;

/// <summary>
/// The points of one ASAP annotation as they stream in. They are put in their Order when every
/// coordinate has one, else kept in file order; equal orders keep file order.
/// </summary>
internal sealed class AsapPolygonBuilder(AnnotationRole role)
{
    private readonly List<PointD> _points = [];
    private List<double>? _orders = [];

    public AnnotationRole Role => role;

    public void Add(double? order, PointD point)
    {
        _points.Add(point);
        if (order is null) _orders = null;
        else _orders?.Add(order.Value);
    }

    public Polygon Build()
    {
        if (_orders is null || IsAscending(_orders)) return new Polygon(_points.ToArray());
        var orders = _orders;
        return new Polygon(Enumerable.Range(0, _points.Count).OrderBy(i => orders[i]).Select(i => _points[i]).ToArray());
    }

    private static bool IsAscending(List<double> orders)
    {
        for (var i = 1; i < orders.Count; i++)
            if (orders[i] < orders[i - 1]) return false;
        return true;
    }
}
