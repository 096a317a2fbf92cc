using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Valid;

namespace TumorWeb.Pipeline.Grid.Annotations;

/// <summary>
/// Reads QuPath's GeoJSON export (a FeatureCollection; also a single Feature or QuPath 0.2's bare
/// array of features): Polygon and MultiPolygon geometries with holes, labelled by
/// <c>properties.classification.name</c> (<see cref="QuPathClasses"/>). Geometry is parsed by
/// NetTopologySuite and checked with its validity test, so a self-intersecting outline is refused
/// rather than rasterised into something nobody drew. Errors name the file and the feature as
/// <c>features[i]</c>, its index in the file.
/// </summary>
public static class GeoJsonAnnotationReader
{
    private static readonly JsonSerializerOptions GeometryOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    public static SlideAnnotations Read(string path, SlideExtent? extent = null, int maxVertices = AsapAnnotationReader.DefaultMaxVertices)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Read(stream, path, extent, maxVertices);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AnnotationException(path, e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : e.Message, e);
        }
    }

    /// <summary>GeoJSON from a stream (e.g. a request body); errors name <paramref name="source"/>.</summary>
    public static SlideAnnotations Read(Stream stream, string source, SlideExtent? extent = null, int maxVertices = AsapAnnotationReader.DefaultMaxVertices)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxVertices);
        var path = source;
        using var document = Parse(path, stream);
        var features = Features(path, document.RootElement);
        var tumor = new List<Polygon>();
        var exclusion = new List<Polygon>();
        var ignored = new Dictionary<string, int>(StringComparer.Ordinal);
        long vertices = 0;
        for (var i = 0; i < features.Count; i++)
        {
            var name = ClassName(features[i]);
            var role = QuPathClasses.RoleOf(name);
            if (role == AnnotationRole.Ignored)
            {
                ignored[name] = ignored.GetValueOrDefault(name) + 1;
                continue;
            }
            var where = $"features[{i}] ({name})";
            var geometry = ReadGeometry(path, where, features[i]);
            vertices += geometry.NumPoints;
            if (vertices > maxVertices)
                throw new AnnotationException(path, string.Create(CultureInfo.InvariantCulture,
                    $"more than the limit of {maxVertices:N0} annotation vertices per file (reached at {where})"));
            foreach (var polygon in Polygons(path, where, geometry))
            {
                Check(path, where, polygon, extent);
                (role == AnnotationRole.Tumor ? tumor : exclusion).Add(ToPolygon(polygon));
            }
        }
        return new SlideAnnotations(tumor, exclusion)
        {
            Ignored = ignored.Select(p => new IgnoredClass(p.Key, p.Value)).OrderBy(c => c.Name, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>The ignored classes of a GeoJSON file and their counts, without reading any geometry.</summary>
    public static IReadOnlyList<IgnoredClass> IgnoredClasses(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = Parse(path, stream);
        return Features(path, document.RootElement).Select(ClassName).Where(n => QuPathClasses.RoleOf(n) == AnnotationRole.Ignored)
            .GroupBy(n => n, StringComparer.Ordinal).Select(g => new IgnoredClass(g.Key, g.Count()))
            .OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    private static JsonDocument Parse(string path, Stream stream)
    {
        try
        {
            return JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new AnnotationException(path, $"not JSON: line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message}", e);
        }
    }

    private static IReadOnlyList<JsonElement> Features(string path, JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array) return root.EnumerateArray().ToList();
        var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type == "Feature") return [root];
        if (type == "FeatureCollection" && root.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Array)
            return features.EnumerateArray().ToList();
        throw new AnnotationException(path, type == "FeatureCollection"
            ? "the FeatureCollection has no \"features\" array"
            : $"not a GeoJSON FeatureCollection (the top-level \"type\" is {(type is null ? "missing" : $"\"{type}\"")}); export the annotations from QuPath as GeoJSON");
    }

    /// <summary>QuPath 0.4+ writes <c>name</c>; derived classes also list <c>names</c>, joined by ": " as QuPath shows them.</summary>
    private static string ClassName(JsonElement feature)
    {
        if (feature.ValueKind != JsonValueKind.Object
            || !feature.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object
            || !properties.TryGetProperty("classification", out var classification) || classification.ValueKind != JsonValueKind.Object)
            return QuPathClasses.Unclassified;
        if (classification.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(name.GetString()))
            return name.GetString()!.Trim();
        if (classification.TryGetProperty("names", out var names) && names.ValueKind == JsonValueKind.Array)
            return string.Join(": ", names.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.String).Select(n => n.GetString()));
        return QuPathClasses.Unclassified;
    }

    private static Geometry ReadGeometry(string path, string where, JsonElement feature)
    {
        if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("geometry", out var element) || element.ValueKind == JsonValueKind.Null)
            throw new AnnotationException(path, $"{where}: no geometry");
        try
        {
            return element.Deserialize<Geometry>(GeometryOptions) ?? throw new AnnotationException(path, $"{where}: no geometry");
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException or NotSupportedException)
        {
            throw new AnnotationException(path, $"{where}: unreadable geometry: {e.Message}", e);
        }
    }

    private static IEnumerable<NetTopologySuite.Geometries.Polygon> Polygons(string path, string where, Geometry geometry) => geometry switch
    {
        NetTopologySuite.Geometries.Polygon polygon => [polygon],
        MultiPolygon multi => multi.Geometries.Cast<NetTopologySuite.Geometries.Polygon>(),
        _ => throw new AnnotationException(path,
            $"{where}: {geometry.GeometryType} geometry; only Polygon and MultiPolygon outline an area"),
    };

    private static void Check(string path, string where, NetTopologySuite.Geometries.Polygon polygon, SlideExtent? extent)
    {
        if (polygon.IsEmpty) throw new AnnotationException(path, $"{where}: empty polygon");
        var validity = new IsValidOp(polygon);
        if (!validity.IsValid)
        {
            var error = validity.ValidationError;
            throw new AnnotationException(path, $"{where}: invalid polygon: {error.Message}{At(error.Coordinate)}");
        }
        if (extent is not { } slide) return;
        var outside = polygon.Coordinates.FirstOrDefault(c => !slide.Contains(c.X, c.Y));
        if (outside is not null)
            throw new AnnotationException(path, string.Create(CultureInfo.InvariantCulture,
                $"{where}: coordinate ({outside.X}, {outside.Y}) is outside the slide (0..{slide.Width} x 0..{slide.Height} level-0 pixels)"));
    }

    private static string At(Coordinate? c) => c is null ? "" : string.Create(CultureInfo.InvariantCulture, $" at ({c.X}, {c.Y})");

    private static Polygon ToPolygon(NetTopologySuite.Geometries.Polygon polygon) =>
        new(Ring(polygon.ExteriorRing)) { Holes = polygon.InteriorRings.Select(Ring).ToArray() };

    /// <summary>GeoJSON repeats the first point at the end; the polygon closes itself.</summary>
    private static PointD[] Ring(LineString ring) =>
        ring.Coordinates.Take(ring.NumPoints - 1).Select(c => new PointD(c.X, c.Y)).ToArray();
}
