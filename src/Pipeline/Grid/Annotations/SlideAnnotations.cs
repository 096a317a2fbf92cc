namespace TumorWeb.Pipeline.Grid.Annotations;

/// <summary>A slide's hand-drawn regions: tumor polygons, and exclusion polygons cut out of them.</summary>
public sealed record SlideAnnotations(IReadOnlyList<Polygon> Tumor, IReadOnlyList<Polygon> Exclusion);
