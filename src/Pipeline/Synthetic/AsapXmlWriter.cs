using System.Globalization;
using System.Text;
using System.Xml;

namespace TumorWeb.Pipeline.Synthetic;

/// <summary>
/// Writes tumor polygons as ASAP annotations, the XML of CAMELYON16/17: level-0 pixel coordinates,
/// every polygon in the group "Tumor". With no polygons it still declares the group.
/// </summary>
internal static class AsapXmlWriter
{
    private const string TumorGroup = "Tumor";

    public static void Write(string path, IReadOnlyList<SynthPolygon> polygons)
    {
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "\t", Encoding = new UTF8Encoding(false) };
        using var xml = XmlWriter.Create(path, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("ASAP_Annotations");
        xml.WriteStartElement("Annotations");
        for (var i = 0; i < polygons.Count; i++) WriteAnnotation(xml, $"Annotation {i}", polygons[i]);
        xml.WriteEndElement();
        xml.WriteStartElement("AnnotationGroups");
        xml.WriteStartElement("Group");
        xml.WriteAttributeString("Name", TumorGroup);
        xml.WriteAttributeString("PartOfGroup", "None");
        xml.WriteAttributeString("Color", "#ff0000");
        xml.WriteStartElement("Attributes");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteAnnotation(XmlWriter xml, string name, SynthPolygon polygon)
    {
        xml.WriteStartElement("Annotation");
        xml.WriteAttributeString("Name", name);
        xml.WriteAttributeString("Type", "Polygon");
        xml.WriteAttributeString("PartOfGroup", TumorGroup);
        xml.WriteAttributeString("Color", "#F4FA58");
        xml.WriteStartElement("Coordinates");
        for (var i = 0; i < polygon.Points.Count; i++)
        {
            xml.WriteStartElement("Coordinate");
            xml.WriteAttributeString("Order", i.ToString(CultureInfo.InvariantCulture));
            // Shortest round-trip text: parsing it gives back the very double the mask was drawn from.
            xml.WriteAttributeString("X", polygon.Points[i].X.ToString("R", CultureInfo.InvariantCulture));
            xml.WriteAttributeString("Y", polygon.Points[i].Y.ToString("R", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }
}
