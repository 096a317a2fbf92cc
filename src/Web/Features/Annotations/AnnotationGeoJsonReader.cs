using System.Globalization;
using System.Text.Json;
using TumorWeb.Pipeline.Grid.Annotations;

namespace TumorWeb.Web.Features.Annotations;

/// <summary>A save that cannot be taken; the message names the feature index and the problem.</summary>
public sealed class AnnotationSaveException(string message) : Exception(message);

/// <summary>
/// Checks the body of a save: a GeoJSON FeatureCollection of Polygon features (outer ring only, as
/// the viewer draws them) classified Tumor or Exclusion, every vertex inside the slide's level-0
/// bounds. Nothing is kept unless every feature passes.
/// </summary>
public static class AnnotationGeoJsonReader
{
    public const int MaxFeatures = 10_000;
    public const int MaxVertices = 200_000;
    public const int MaxFeatureIdLength = 100;

    /// <exception cref="AnnotationSaveException">The body is not such a collection; the message says where and why.</exception>
    public static IReadOnlyList<DrawnRegion> Read(JsonElement root, long slideWidth, long slideHeight)
    {
        if (root.ValueKind != JsonValueKind.Object || Text(root, "type") != "FeatureCollection")
            throw new AnnotationSaveException("the body must be a GeoJSON FeatureCollection: an object with \"type\": \"FeatureCollection\"");
        if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            throw new AnnotationSaveException("the FeatureCollection has no \"features\" array");
        if (features.GetArrayLength() > MaxFeatures)
            throw new AnnotationSaveException($"{features.GetArrayLength():N0} features; at most {MaxFeatures:N0} are kept per slide");
        var regions = new List<DrawnRegion>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var vertices = 0;
        var index = 0;
        foreach (var feature in features.EnumerateArray())
        {
            var region = ReadFeature(feature, index, slideWidth, slideHeight);
            if (!ids.Add(region.FeatureId)) throw Problem(index, $"has the id \"{region.FeatureId}\" of an earlier feature; ids must be unique");
            vertices += region.Points.Count;
            if (vertices > MaxVertices) throw Problem(index, $"brings the vertices past {MaxVertices:N0}, the most kept per slide");
            regions.Add(region);
            index++;
        }
        return regions;
    }

    private static DrawnRegion ReadFeature(JsonElement feature, int index, long width, long height)
    {
        if (feature.ValueKind != JsonValueKind.Object || Text(feature, "type") != "Feature")
            throw Problem(index, "is not a GeoJSON Feature (an object with \"type\": \"Feature\")");
        var kind = AnnotationClasses.KindOf(ClassName(feature))
            ?? throw Problem(index, $"has classification {Quoted(ClassName(feature))}; use {AnnotationClasses.Tumor} or {AnnotationClasses.Exclusion}");
        return new DrawnRegion(FeatureId(feature, index), kind, Ring(feature, index, width, height));
    }

    private static string FeatureId(JsonElement feature, int index)
    {
        if (!feature.TryGetProperty("id", out var id) || id.ValueKind == JsonValueKind.Null) return Guid.NewGuid().ToString();
        var text = id.ValueKind switch
        {
            JsonValueKind.String => id.GetString()!,
            JsonValueKind.Number => id.GetRawText(),
            _ => throw Problem(index, "has an id that is neither a string nor a number"),
        };
        if (text.Length is 0 or > MaxFeatureIdLength) throw Problem(index, $"has an id of {text.Length} characters; give 1 to {MaxFeatureIdLength}");
        return text;
    }

    /// <summary>QuPath's <c>properties.classification.name</c>; a plain string <c>properties.classification</c> is taken too.</summary>
    private static string? ClassName(JsonElement feature)
    {
        if (!feature.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object) return null;
        if (!properties.TryGetProperty("classification", out var classification)) return null;
        return classification.ValueKind switch
        {
            JsonValueKind.String => classification.GetString(),
            JsonValueKind.Object => Text(classification, "name"),
            _ => null,
        };
    }

    private static List<PointD> Ring(JsonElement feature, int index, long width, long height)
    {
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
            throw Problem(index, "has no geometry");
        var type = Text(geometry, "type");
        if (type != "Polygon") throw Problem(index, $"has a {type ?? "missing"} geometry; only Polygon is drawn here");
        if (!geometry.TryGetProperty("coordinates", out var rings) || rings.ValueKind != JsonValueKind.Array || rings.GetArrayLength() == 0)
            throw Problem(index, "has a Polygon without coordinates");
        if (rings.GetArrayLength() > 1)
            throw Problem(index, "has a Polygon with holes; draw a hole as an Exclusion region instead");
        var ring = rings[0];
        if (ring.ValueKind != JsonValueKind.Array) throw Problem(index, "has a ring that is not an array of positions");
        var points = new List<PointD>();
        var vertex = 0;
        foreach (var position in ring.EnumerateArray())
        {
            var point = Position(position, index, vertex);
            if (point.X < 0 || point.Y < 0 || point.X > width || point.Y > height)
                throw Problem(index, string.Create(CultureInfo.InvariantCulture,
                    $"has vertex {vertex} at ({point.X}, {point.Y}), outside the slide (0..{width}, 0..{height} level-0 pixels)"));
            points.Add(point);
            vertex++;
        }
        if (points.Count > 1 && points[0] == points[^1]) points.RemoveAt(points.Count - 1);
        if (points.Distinct().Count() < 3) throw Problem(index, $"has {points.Distinct().Count()} distinct vertices; a polygon needs at least 3");
        return points;
    }

    private static PointD Position(JsonElement position, int index, int vertex)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
            || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
            throw Problem(index, $"has vertex {vertex} that is not a position [x, y] of two numbers");
        if (!position[0].TryGetDouble(out var x) || !position[1].TryGetDouble(out var y) || !double.IsFinite(x) || !double.IsFinite(y))
            throw Problem(index, $"has vertex {vertex} with a coordinate too large to be a pixel");
        return new PointD(x, y);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Quoted(string? name) => name is null ? "missing" : $"\"{(name.Length > 40 ? name[..40] + "…" : name)}\"";

    private static AnnotationSaveException Problem(int index, string problem) => new($"feature {index} {problem}");
}
