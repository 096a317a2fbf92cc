using System.Xml.Linq;

namespace TumorWeb.Pipeline.DeepZoom;

/// <summary>The Deep Zoom Image (.dzi) XML that tells a viewer the slide size and how its tiles are cut.</summary>
public static class DziDescriptor
{
    public static readonly XNamespace Namespace = "http://schemas.microsoft.com/deepzoom/2008";
    public const string TileFormat = "jpeg";

    public static string Xml(DeepZoomGeometry geometry)
    {
        var image = new XElement(Namespace + "Image",
            new XAttribute("TileSize", geometry.Options.TileSize),
            new XAttribute("Overlap", geometry.Options.Overlap),
            new XAttribute("Format", TileFormat),
            new XElement(Namespace + "Size",
                new XAttribute("Width", geometry.Width),
                new XAttribute("Height", geometry.Height)));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), image).Declaration + "\n" + image;
    }
}
