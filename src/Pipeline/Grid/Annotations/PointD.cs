namespace TumorWeb.Pipeline.Grid.Annotations;

/// <summary>A point in level-0 pixel coordinates (fractional, as annotation tools store them).</summary>
public readonly record struct PointD(double X, double Y);
