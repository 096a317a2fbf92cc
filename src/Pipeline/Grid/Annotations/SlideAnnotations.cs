namespace TumorWeb.Pipeline.Grid.Annotations;

/// <summary>A slide's hand-drawn regions: tumor polygons, and exclusion polygons cut out of them.</summary>
public sealed record SlideAnnotations(IReadOnlyList<Polygon> Tumor, IReadOnlyList<Polygon> Exclusion)
{
    /// <summary>Classes the file holds that label nothing here (e.g. QuPath's "Stroma"), with their feature counts.</summary>
    public IReadOnlyList<IgnoredClass> Ignored { get; init; } = [];
}

/// <summary>A class of annotations that is neither tumour nor exclusion, and how many features had it.</summary>
public sealed record IgnoredClass(string Name, int Count);
