namespace TumorWeb.Pipeline.Grid.Annotations;

/// <summary>Reads a slide's annotation file by its extension: ASAP XML (<c>.xml</c>) or QuPath GeoJSON (<c>.geojson</c>, <c>.json</c>).</summary>
public static class AnnotationFiles
{
    public static readonly string[] Extensions = [".xml", ".geojson", ".json"];

    public static bool IsGeoJson(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".geojson" or ".json";

    /// <summary><paramref name="extent"/>, when known, refuses GeoJSON coordinates outside the slide.</summary>
    public static SlideAnnotations Read(string path, SlideExtent? extent, int maxVertices = AsapAnnotationReader.DefaultMaxVertices) =>
        IsGeoJson(path) ? GeoJsonAnnotationReader.Read(path, extent, maxVertices) : AsapAnnotationReader.Read(path, maxVertices);
}
