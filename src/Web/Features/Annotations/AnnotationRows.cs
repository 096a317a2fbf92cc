using System.Text.Json;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid.Annotations;

namespace TumorWeb.Web.Features.Annotations;

/// <summary>Drawn regions between their rows and the pipeline's and the save's forms; pure, no database.</summary>
public static class AnnotationRows
{
    /// <summary>The regions as the pipeline takes them, in feature-id order so the same rows always give the same hash.</summary>
    public static DrawnAnnotations GroundTruth(IEnumerable<SlideAnnotation> rows)
    {
        var ordered = rows.OrderBy(r => r.FeatureId, StringComparer.Ordinal).ToList();
        Polygon PolygonOf(SlideAnnotation row) => new(PointsOf(row.Points));
        return new DrawnAnnotations(new SlideAnnotations(
            ordered.Where(r => r.Kind == AnnotationKind.Tumor).Select(PolygonOf).ToList(),
            ordered.Where(r => r.Kind == AnnotationKind.Exclusion).Select(PolygonOf).ToList()));
    }

    public static string PointsJson(IReadOnlyList<PointD> points) =>
        JsonSerializer.Serialize(points.Select(p => new[] { p.X, p.Y }));

    public static IReadOnlyList<PointD> PointsOf(string json) =>
        JsonSerializer.Deserialize<double[][]>(json)!.Select(p => new PointD(p[0], p[1])).ToList();

    /// <summary>
    /// The rows after a save: a region saved again unchanged (same id, kind and points) keeps its
    /// author and time; a new or changed one is the saver's, now; rows not in the save go.
    /// </summary>
    public static SaveChanges Merge(IReadOnlyList<SlideAnnotation> existing, IReadOnlyList<DrawnRegion> saved, string author, DateTimeOffset now)
    {
        var byId = existing.ToDictionary(r => r.FeatureId, StringComparer.Ordinal);
        var changes = new SaveChanges();
        foreach (var region in saved)
        {
            var points = PointsJson(region.Points);
            if (!byId.Remove(region.FeatureId, out var row))
            {
                changes.Added.Add(new SlideAnnotation { FeatureId = region.FeatureId, Kind = region.Kind, Points = points, Author = author, SavedAt = now });
                continue;
            }
            if (row.Kind == region.Kind && row.Points == points) continue;
            (row.Kind, row.Points, row.Author, row.SavedAt) = (region.Kind, points, author, now);
            changes.Changed.Add(row);
        }
        changes.Removed.AddRange(byId.Values);
        return changes;
    }
}

/// <summary>What a save does to a slide's rows.</summary>
public sealed class SaveChanges
{
    public List<SlideAnnotation> Added { get; } = [];
    public List<SlideAnnotation> Changed { get; } = [];
    public List<SlideAnnotation> Removed { get; } = [];

    public bool Any => Added.Count + Changed.Count + Removed.Count > 0;
}
