namespace TumorWeb.Pipeline.Grid.Annotations;

/// <summary>A slide's level-0 size: annotation coordinates must lie within [0, Width] x [0, Height].</summary>
public readonly record struct SlideExtent(long Width, long Height)
{
    public bool Contains(double x, double y) => x >= 0 && y >= 0 && x <= Width && y <= Height;
}
