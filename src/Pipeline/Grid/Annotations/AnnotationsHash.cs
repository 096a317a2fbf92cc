using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TumorWeb.Pipeline.Grid.Annotations;

/// <summary>
/// A short content hash of a slide's regions (kinds, order and exact coordinates), recorded by the
/// runs that took them as ground truth, so a later edit shows as a different hash.
/// </summary>
public static class AnnotationsHash
{
    public static string Of(SlideAnnotations annotations)
    {
        var text = new StringBuilder();
        Append(text, 'T', annotations.Tumor);
        Append(text, 'E', annotations.Exclusion);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static void Append(StringBuilder text, char kind, IReadOnlyList<Polygon> polygons)
    {
        foreach (var polygon in polygons)
        {
            text.Append(kind);
            AppendRing(text, polygon.Points);
            foreach (var hole in polygon.Holes)
            {
                text.Append(" |");
                AppendRing(text, hole);
            }
            text.Append('\n');
        }
    }

    private static void AppendRing(StringBuilder text, IReadOnlyList<PointD> ring)
    {
        foreach (var p in ring)
            text.Append(CultureInfo.InvariantCulture, $" {p.X:R},{p.Y:R}");
    }
}
