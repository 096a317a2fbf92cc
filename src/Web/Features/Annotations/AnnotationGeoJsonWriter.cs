using System.Globalization;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid.Annotations;

namespace TumorWeb.Web.Features.Annotations;

/// <summary>
/// A slide's drawn regions as GeoJSON through the pipeline's QuPath writer (<see cref="GeoJsonAnnotationWriter"/>),
/// each feature with its id and who drew it when, so a save of the same collection keeps them.
/// </summary>
public static class AnnotationGeoJsonWriter
{
    public static string Write(IEnumerable<SlideAnnotation> rows)
    {
        using var buffer = new MemoryStream();
        GeoJsonAnnotationWriter.Write(buffer, rows.OrderBy(r => r.FeatureId, StringComparer.Ordinal).Select(Feature));
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static AnnotationFeature Feature(SlideAnnotation row) =>
        new(new Polygon(AnnotationRows.PointsOf(row.Points)), AnnotationClasses.RoleOf(row.Kind))
        {
            Id = row.FeatureId,
            Texts =
            [
                new("author", row.Author),
                new("savedAt", row.SavedAt.ToString("O", CultureInfo.InvariantCulture)),
            ],
        };
}
