namespace TumorWeb.Pipeline.Grid.Annotations;

/// <summary>A number attached to an exported polygon: <paramref name="Key"/> in its properties, <paramref name="Label"/> in QuPath's measurement list.</summary>
public sealed record FeatureMeasurement(string Key, string Label, double Value);

/// <summary>One polygon to export, its role (tumour or exclusion), and any measurements.</summary>
public sealed record AnnotationFeature(Polygon Shape, AnnotationRole Role)
{
    public IReadOnlyList<FeatureMeasurement> Measurements { get; init; } = [];

    /// <summary>The feature's GeoJSON <c>id</c>; none when null.</summary>
    public string? Id { get; init; }

    /// <summary>Text properties written after the classification, e.g. who drew the region and when.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Texts { get; init; } = [];

    /// <summary>The tumour polygons, then the exclusion polygons.</summary>
    public static IReadOnlyList<AnnotationFeature> Of(SlideAnnotations annotations) =>
    [
        .. annotations.Tumor.Select(p => new AnnotationFeature(p, AnnotationRole.Tumor)),
        .. annotations.Exclusion.Select(p => new AnnotationFeature(p, AnnotationRole.Exclusion)),
    ];
}
