using System.Xml.Linq;
using TumorWeb.Pipeline.DeepZoom;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Tests.DeepZoom;

public sealed class DziDescriptorTests
{
    [Fact]
    public void TheDescriptorStatesTileSizeOverlapFormatAndSlideSize()
    {
        var slide = new SlideMetadata("s.tif", "test", [new SlideLevel(30000, 20000, 1)], null, null, null, null, [], new Dictionary<string, string>());

        var xml = DziDescriptor.Xml(new DeepZoomGeometry(slide, new DeepZoomOptions()));

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", xml);
        var image = XDocument.Parse(xml).Root!;
        XNamespace ns = "http://schemas.microsoft.com/deepzoom/2008";
        Assert.Equal(ns + "Image", image.Name);
        Assert.Equal(("254", "1", "jpeg"), ((string)image.Attribute("TileSize")!, (string)image.Attribute("Overlap")!, (string)image.Attribute("Format")!));
        var size = image.Element(ns + "Size")!;
        Assert.Equal(("30000", "20000"), ((string)size.Attribute("Width")!, (string)size.Attribute("Height")!));
    }
}
