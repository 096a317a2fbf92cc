using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace TumorWeb.Pipeline.Grid.Annotations;

/// <summary>
/// Writes polygons as a GeoJSON FeatureCollection in the shape QuPath imports: each feature has
/// <c>type: "Feature"</c>, a Polygon geometry in level-0 pixels, and properties
/// <c>objectType: "annotation"</c> and <c>classification: { name, color: [r, g, b] }</c>.
/// Measurements go both into the properties under their key and into QuPath's
/// <c>measurements</c> object under their label, where QuPath lists them. A feature's id and text
/// properties are written when it has them.
/// </summary>
public static class GeoJsonAnnotationWriter
{
    private static readonly GeometryFactory Factory = new();
    private static readonly JsonSerializerOptions GeometryOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    public static void Write(Stream stream, IEnumerable<AnnotationFeature> features)
    {
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        foreach (var feature in features) WriteFeature(json, feature);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void Write(string path, IEnumerable<AnnotationFeature> features)
    {
        using var stream = File.Create(path);
        Write(stream, features);
    }

    private static void WriteFeature(Utf8JsonWriter json, AnnotationFeature feature)
    {
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        if (feature.Id is not null) json.WriteString("id", feature.Id);
        json.WritePropertyName("geometry");
        JsonSerializer.Serialize(json, (Geometry)ToGeometry(feature.Shape), GeometryOptions);
        json.WriteStartObject("properties");
        json.WriteString("objectType", "annotation");
        json.WriteStartObject("classification");
        json.WriteString("name", feature.Role == AnnotationRole.Tumor ? QuPathClasses.Tumor : QuPathClasses.Exclusion);
        json.WriteStartArray("color");
        foreach (var channel in QuPathClasses.ColorOf(feature.Role)) json.WriteNumberValue(channel);
        json.WriteEndArray();
        json.WriteEndObject();
        foreach (var text in feature.Texts) json.WriteString(text.Key, text.Value);
        foreach (var m in feature.Measurements) json.WriteNumber(m.Key, m.Value);
        if (feature.Measurements.Count > 0)
        {
            json.WriteStartObject("measurements");
            foreach (var m in feature.Measurements) json.WriteNumber(m.Label, m.Value);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static NetTopologySuite.Geometries.Polygon ToGeometry(Polygon polygon) =>
        Factory.CreatePolygon(Ring(polygon.Points), polygon.Holes.Select(Ring).ToArray());

    private static LinearRing Ring(IReadOnlyList<PointD> points) =>
        Factory.CreateLinearRing(points.Append(points[0]).Select(p => new Coordinate(p.X, p.Y)).ToArray());
}
