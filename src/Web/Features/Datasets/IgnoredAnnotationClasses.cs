using System.Collections.Concurrent;
using TumorWeb.Pipeline.Grid.Annotations;

namespace TumorWeb.Web.Features.Datasets;

/// <summary>
/// The classes of a slide's GeoJSON annotations that label nothing (QuPath's "Stroma", ...), for the
/// dataset page. Remembered per file version, so a page showing many slides reads each file once.
/// </summary>
public static class IgnoredAnnotationClasses
{
    private static readonly ConcurrentDictionary<(string Path, DateTime Written, long Length), IReadOnlyList<IgnoredClass>> Known = new();

    /// <summary>Empty for no file, an ASAP file, or one that cannot be read (the scan reports that error).</summary>
    public static IReadOnlyList<IgnoredClass> Of(string? annotationPath)
    {
        if (annotationPath is null || !AnnotationFiles.IsGeoJson(annotationPath)) return [];
        try
        {
            var file = new FileInfo(annotationPath);
            if (!file.Exists) return [];
            return Known.GetOrAdd((file.FullName, file.LastWriteTimeUtc, file.Length), key => GeoJsonAnnotationReader.IgnoredClasses(key.Path));
        }
        catch (Exception e) when (e is AnnotationException or IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>"Stroma (3), Immune cells (1)".</summary>
    public static string Describe(IReadOnlyList<IgnoredClass> classes) =>
        string.Join(", ", classes.Select(c => $"{c.Name} ({c.Count})"));
}
