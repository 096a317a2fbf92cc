using System.Globalization;
using System.Text;
using System.Xml;

namespace TumorWeb.Pipeline.Grid.Annotations;

/// <summary>
/// Writes polygons as ASAP annotation XML: tumour polygons in the group "Tumor", exclusions in
/// "Exclusion", level-0 coordinates, as <see cref="AsapAnnotationReader"/> and ASAP read them.
/// </summary>
/// <remarks>
/// ASAP has no holes, and its exclusions are cut out of every tumour polygon, so a hole written as
/// an exclusion would also erase any region lying inside it. A hole is instead joined to its outline
/// by a cut that runs along itself and back: under the even-odd rule the two passes cancel, and the
/// cut is one horizontal and one vertical segment so both passes cross each row at the very same x.
/// </remarks>
public static class AsapXmlAnnotationWriter
{
    public static void Write(Stream stream, IEnumerable<AnnotationFeature> features)
    {
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "\t", Encoding = new UTF8Encoding(false) };
        using var xml = XmlWriter.Create(stream, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("ASAP_Annotations");
        xml.WriteStartElement("Annotations");
        var index = 0;
        foreach (var feature in features) WriteAnnotation(xml, $"Annotation {index++}", feature);
        xml.WriteEndElement();
        xml.WriteStartElement("AnnotationGroups");
        WriteGroup(xml, QuPathClasses.Tumor, "#ff0000");
        WriteGroup(xml, QuPathClasses.Exclusion, "#00ff00");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    public static void Write(string path, IEnumerable<AnnotationFeature> features)
    {
        using var stream = File.Create(path);
        Write(stream, features);
    }

    /// <summary>The outline with each hole spliced in through a zero-width cut from the outline's first point.</summary>
    public static IReadOnlyList<PointD> SingleRing(Polygon polygon)
    {
        if (polygon.Holes.Count == 0) return polygon.Points;
        var start = polygon.Points[0];
        var ring = new List<PointD>(polygon.Points);
        foreach (var hole in polygon.Holes)
        {
            var corner = new PointD(hole[0].X, start.Y);
            ring.AddRange([start, corner, .. hole, hole[0], corner]);
        }
        return ring;
    }

    private static void WriteAnnotation(XmlWriter xml, string name, AnnotationFeature feature)
    {
        xml.WriteStartElement("Annotation");
        xml.WriteAttributeString("Name", name);
        xml.WriteAttributeString("Type", "Polygon");
        xml.WriteAttributeString("PartOfGroup", feature.Role == AnnotationRole.Tumor ? QuPathClasses.Tumor : QuPathClasses.Exclusion);
        xml.WriteAttributeString("Color", feature.Role == AnnotationRole.Tumor ? "#F4FA58" : "#64FE2E");
        xml.WriteStartElement("Coordinates");
        var points = SingleRing(feature.Shape);
        for (var i = 0; i < points.Count; i++)
        {
            xml.WriteStartElement("Coordinate");
            xml.WriteAttributeString("Order", i.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("X", points[i].X.ToString("R", CultureInfo.InvariantCulture));
            xml.WriteAttributeString("Y", points[i].Y.ToString("R", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteGroup(XmlWriter xml, string name, string color)
    {
        xml.WriteStartElement("Group");
        xml.WriteAttributeString("Name", name);
        xml.WriteAttributeString("PartOfGroup", "None");
        xml.WriteAttributeString("Color", color);
        xml.WriteStartElement("Attributes");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }
}
