namespace TumorWeb.Pipeline.Grid.Annotations;

/// <summary>
/// A closed polygon in level-0 coordinates; the last point of each ring joins back to its first.
/// Holes (GeoJSON interior rings) are cut out by the even-odd rule, like the outline itself.
/// </summary>
public sealed record Polygon(IReadOnlyList<PointD> Points)
{
    public IReadOnlyList<IReadOnlyList<PointD>> Holes { get; init; } = [];

    /// <summary>The outline, then the holes.</summary>
    public IEnumerable<IReadOnlyList<PointD>> Rings => Holes.Count == 0 ? [Points] : [Points, .. Holes];
}
