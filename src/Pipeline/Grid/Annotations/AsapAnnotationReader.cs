using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace TumorWeb.Pipeline.Grid.Annotations;

/// <summary>
/// Reads ASAP annotation XML (the CAMELYON16/17 format). DTDs are refused outright, so
/// entity-expansion ("billion laughs") and external-entity files fail fast instead of
/// exhausting memory or reaching outside the file.
/// </summary>
public static class AsapAnnotationReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
    };

    public static SlideAnnotations Read(string path)
    {
        var document = Load(path);
        if (document.Root?.Name.LocalName != "ASAP_Annotations")
            throw new AnnotationException(path, $"not an ASAP annotation file: the root element is <{document.Root?.Name.LocalName}>, expected <ASAP_Annotations>");
        var tumor = new List<Polygon>();
        var exclusion = new List<Polygon>();
        foreach (var annotation in document.Root.Descendants("Annotation"))
        {
            var role = AnnotationGroups.RoleOf((string?)annotation.Attribute("PartOfGroup"));
            if (role == AnnotationRole.Ignored || IsPointType((string?)annotation.Attribute("Type"))) continue;
            (role == AnnotationRole.Tumor ? tumor : exclusion).Add(ReadPolygon(path, annotation));
        }
        return new SlideAnnotations(tumor, exclusion);
    }

    private static XDocument Load(string path)
    {
        try
        {
            using var reader = XmlReader.Create(path, Settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
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

    /// <summary>Dots and point sets mark places, not areas; they label no pixels.</summary>
    private static bool IsPointType(string? type) => type is "Dot" or "PointSet";

    private static Polygon ReadPolygon(string path, XElement annotation)
    {
        var coordinates = annotation.Descendants("Coordinate")
            .Select(c => (Order: Number(path, c, "Order", required: false), Point: new PointD(Number(path, c, "X")!.Value, Number(path, c, "Y")!.Value)))
            .ToList();
        var ordered = coordinates.All(c => c.Order is not null) ? coordinates.OrderBy(c => c.Order) : coordinates.AsEnumerable();
        return new Polygon(ordered.Select(c => c.Point).ToArray());
    }

    private static double? Number(string path, XElement element, string attribute, bool required = true)
    {
        var text = (string?)element.Attribute(attribute);
        if (text is null && !required) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)) return value;
        var line = (IXmlLineInfo)element;
        throw new AnnotationException(path,
            $"<{element.Name.LocalName}> at line {line.LineNumber}, position {line.LinePosition} has {(text is null ? "no" : $"an invalid ({text})")} {attribute} attribute");
    }
}
