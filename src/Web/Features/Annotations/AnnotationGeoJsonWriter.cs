using System.Text.Json.Nodes;
using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Annotations;

/// <summary>
/// A slide's drawn regions as a GeoJSON FeatureCollection in level-0 pixels, shaped as QuPath exports
/// annotations (objectType, classification name and colour), plus who drew each and when.
/// </summary>
public static class AnnotationGeoJsonWriter
{
    public static JsonObject Write(IEnumerable<SlideAnnotation> rows) => new()
    {
        ["type"] = "FeatureCollection",
        ["features"] = new JsonArray(rows.OrderBy(r => r.FeatureId, StringComparer.Ordinal).Select(Feature).ToArray<JsonNode?>()),
    };

    private static JsonObject Feature(SlideAnnotation row)
    {
        var points = AnnotationRows.PointsOf(row.Points);
        // GeoJSON rings are closed: the first position is repeated at the end.
        var ring = new JsonArray(points.Append(points[0]).Select(p => (JsonNode?)new JsonArray(p.X, p.Y)).ToArray());
        return new JsonObject
        {
            ["type"] = "Feature",
            ["id"] = row.FeatureId,
            ["geometry"] = new JsonObject { ["type"] = "Polygon", ["coordinates"] = new JsonArray(ring) },
            ["properties"] = new JsonObject
            {
                ["objectType"] = "annotation",
                ["classification"] = new JsonObject
                {
                    ["name"] = AnnotationClasses.NameOf(row.Kind),
                    ["color"] = new JsonArray(AnnotationClasses.ColourOf(row.Kind).Select(c => (JsonNode?)c).ToArray()),
                },
                ["author"] = row.Author,
                ["savedAt"] = row.SavedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            },
        };
    }
}
