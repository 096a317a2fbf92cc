namespace TumorWeb.Pipeline.Grid.Annotations;

/// <summary>A closed polygon in level-0 coordinates; the last point joins back to the first.</summary>
public sealed record Polygon(IReadOnlyList<PointD> Points);
