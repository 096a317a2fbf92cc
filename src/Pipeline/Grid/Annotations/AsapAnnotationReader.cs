using System.Globalization;
using System.Xml;

namespace TumorWeb.Pipeline.Grid.Annotations;

/// <summary>
/// Reads ASAP annotation XML (the CAMELYON16/17 format). DTDs are refused outright, so
/// entity-expansion ("billion laughs") and external-entity files fail fast instead of
/// exhausting memory or reaching outside the file.
/// </summary>
/// <remarks>
/// The file is streamed: only the kept polygons' points are held, never a document tree, which
/// cost about 14 times the file's size. At most <c>maxVertices</c> coordinates (of any group or
/// type) are accepted per file, so a huge file is refused with its count instead of filling memory.
/// </remarks>
public static class AsapAnnotationReader
{
    public const int DefaultMaxVertices = 10_000_000;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
    };

    public static SlideAnnotations Read(string path, int maxVertices = DefaultMaxVertices)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxVertices);
        try
        {
            using var reader = XmlReader.Create(path, Settings);
            return ReadDocument(path, reader, maxVertices);
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.Ordinal))
        {
            // The reader reports no line for a refused DTD; it can only sit in the prolog anyway.
            throw new AnnotationException(path,
                "refused: the file declares a DTD (<!DOCTYPE>); DTDs are not allowed, so entity expansion cannot run", e);
        }
        catch (XmlException e)
        {
            throw new AnnotationException(path, $"malformed XML at line {e.LineNumber}, position {e.LinePosition}: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AnnotationException(path, e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : e.Message, e);
        }
    }

    private static SlideAnnotations ReadDocument(string path, XmlReader reader, int maxVertices)
    {
        reader.MoveToContent();
        if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "ASAP_Annotations")
            throw new AnnotationException(path, $"not an ASAP annotation file: the root element is <{reader.LocalName}>, expected <ASAP_Annotations>");
        var tumor = new List<Polygon>();
        var exclusion = new List<Polygon>();
        AsapPolygonBuilder? polygon = null;
        long vertices = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && Is(reader, "Annotation") && polygon is not null)
            {
                (polygon.Role == AnnotationRole.Tumor ? tumor : exclusion).Add(polygon.Build());
                polygon = null;
            }
            if (reader.NodeType != XmlNodeType.Element) continue;
            if (Is(reader, "Annotation"))
            {
                polygon = StartPolygon(reader);
                if (polygon is not null && reader.IsEmptyElement)
                {
                    (polygon.Role == AnnotationRole.Tumor ? tumor : exclusion).Add(polygon.Build());
                    polygon = null;
                }
            }
            else if (Is(reader, "Coordinate") && ++vertices <= maxVertices && polygon is not null)
            {
                polygon.Add(Number(path, reader, "Order", required: false), new PointD(Number(path, reader, "X")!.Value, Number(path, reader, "Y")!.Value));
            }
            // Past the limit nothing more is kept; reading on only counts, so the message can say by how much.
            if (vertices > maxVertices) polygon = null;
        }
        if (vertices > maxVertices)
            throw new AnnotationException(path, string.Create(CultureInfo.InvariantCulture,
                $"{vertices:N0} annotation vertices, more than the limit of {maxVertices:N0} per file"));
        return new SlideAnnotations(tumor, exclusion);
    }

    private static bool Is(XmlReader reader, string name) => reader.LocalName == name && reader.NamespaceURI.Length == 0;

    /// <summary>Null for an annotation that labels nothing: an ignored group, or a dot or point set (places, not areas).</summary>
    private static AsapPolygonBuilder? StartPolygon(XmlReader reader)
    {
        var role = AnnotationGroups.RoleOf(reader.GetAttribute("PartOfGroup"));
        return role == AnnotationRole.Ignored || reader.GetAttribute("Type") is "Dot" or "PointSet" ? null : new AsapPolygonBuilder(role);
    }

    private static double? Number(string path, XmlReader reader, string attribute, bool required = true)
    {
        var text = reader.GetAttribute(attribute);
        if (text is null && !required) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)) return value;
        var line = reader as IXmlLineInfo;
        throw new AnnotationException(path,
            $"<{reader.LocalName}> at line {line?.LineNumber}, position {line?.LinePosition} has {(text is null ? "no" : $"an invalid ({text})")} {attribute} attribute");
    }
}
