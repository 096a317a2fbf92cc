using System.Globalization;
using System.Xml.Linq;
using NetVips;
using TumorWeb.Pipeline.Slides;
using TumorWeb.Pipeline.Synthetic;

namespace TumorWeb.Pipeline.Tests.Synthetic;

/// <summary>The written files, read back the way the rest of the pipeline and OpenSlide read CAMELYON data.</summary>
[Collection(SyntheticDatasetCollection.Name)]
public class SyntheticSlideFileTests(SyntheticDatasetFixture dataset)
{
    private static readonly long[] LevelWidths = [2048, 1024, 512, 256];

    [Fact]
    public void EverySlideHasItsMaskAndAnnotationsNamedCamelyonStyle()
    {
        Assert.Equal(["tumor_001", "normal_001"], dataset.Slides.Select(s => s.Name));
        foreach (var slide in dataset.Slides)
        {
            Assert.Equal(Path.Combine(dataset.Folder, slide.Name + ".tif"), slide.SlidePath);
            Assert.Equal(Path.Combine(dataset.Folder, slide.Name + "_mask.tif"), slide.MaskPath);
            Assert.Equal(Path.Combine(dataset.Folder, slide.Name + ".xml"), slide.AnnotationPath);
        }
        Assert.Equal(6, Directory.GetFiles(dataset.Folder).Length);
    }

    [Theory]
    [InlineData(false, 3, TiffDirectories.CompressionJpeg)]
    [InlineData(true, 1, TiffDirectories.CompressionDeflate)]
    public void FilesAreTiledPyramidsWithTheRightCompression(bool mask, int bands, int compression)
    {
        var path = mask ? dataset.Tumor.MaskPath : dataset.Tumor.SlidePath;
        using var image = Image.NewFromFile(path);
        Assert.Equal((256, 256), ((int)image.Get("tile-width"), (int)image.Get("tile-height")));
        Assert.Equal(LevelWidths.Length, (int)image.Get("n-pages"));
        Assert.Equal(bands, image.Bands);
        var directories = TiffDirectories.Read(path);
        Assert.Equal(LevelWidths, directories.Select(d => d[TiffDirectories.ImageWidth]));
        Assert.All(directories, d => Assert.Equal(compression, d[TiffDirectories.Compression]));
        Assert.All(directories, d => Assert.Equal(256, d[TiffDirectories.TileWidth]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void OpenSlideOpensSlidesAndMasksAsGenericTiff(bool mask)
    {
        using var slide = OpenSlideSlide.Open(mask ? dataset.Tumor.MaskPath : dataset.Tumor.SlidePath);
        Assert.Equal("generic-tiff", slide.Metadata.Vendor);
        Assert.Equal(LevelWidths, slide.Metadata.Levels.Select(l => l.Width));
        Assert.Equal(256, slide.Metadata.TileWidth);
    }

    [Fact]
    public void MaskIsTumorExactlyWherePixelCentresLieInAPolygon()
    {
        using var mask = OpenSlideSlide.Open(dataset.Tumor.MaskPath);
        var tumors = dataset.Tumor.TumorPolygons;
        foreach (var tumor in tumors)
        {
            var (left, top) = ((int)tumor.MinX - 2, (int)tumor.MinY - 2);
            var (width, height) = ((int)tumor.MaxX + 3 - left, (int)tumor.MaxY + 3 - top);
            var region = mask.ReadRegion(new RegionRequest(0, left, top, width, height));
            for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var inside = tumors.Any(t => t.Contains(left + x + 0.5, top + y + 0.5));
                Assert.True(region[x, y].R == (inside ? 255 : 0), $"mask pixel ({left + x}, {top + y}) is {region[x, y].R}");
            }
        }
    }

    [Fact]
    public void MaskChannelZeroIs255InsideATumorAndZeroOnBackground()
    {
        using var mask = OpenSlideSlide.Open(dataset.Tumor.MaskPath);
        foreach (var (x, y) in dataset.Tumor.TumorPolygons.Select(InteriorPixel))
            Assert.Equal(255, mask.ReadRegion(new RegionRequest(0, x, y, 1, 1))[0, 0].R);
        Assert.Equal(0, mask.ReadRegion(new RegionRequest(0, 10, 10, 1, 1))[0, 0].R);
    }

    [Fact]
    public void LowerMaskLevelsMarkEveryBlockThatHoldsTumor()
    {
        using var mask = OpenSlideSlide.Open(dataset.Tumor.MaskPath);
        var full = mask.ReadRegion(new RegionRequest(0, 0, 0, 2048, 2048));
        var level2 = mask.ReadRegion(new RegionRequest(2, 0, 0, 512, 512));
        for (var y = 0; y < 512; y++)
        for (var x = 0; x < 512; x++)
        {
            var any = false;
            for (var dy = 0; dy < 4 && !any; dy++)
            for (var dx = 0; dx < 4 && !any; dx++)
                any = full[4 * x + dx, 4 * y + dy].R != 0;
            Assert.True(level2[x, y].R == (any ? 255 : 0), $"level-2 mask pixel ({x}, {y}) is {level2[x, y].R}");
        }
    }

    [Fact]
    public void NormalSlideHasAnAllZeroMaskAndNoAnnotations()
    {
        using (var mask = Image.NewFromFile(dataset.Normal.MaskPath)) Assert.Equal(0, mask.Max());
        var xml = XDocument.Load(dataset.Normal.AnnotationPath);
        Assert.Empty(xml.Descendants("Annotation"));
        Assert.Single(xml.Descendants("Group"), g => (string?)g.Attribute("Name") == "Tumor");
        Assert.Empty(dataset.Normal.TumorPolygons);
    }

    [Fact]
    public void AnnotationsHoldTheVeryPolygonsOfTheMaskInAsapFormat()
    {
        var xml = XDocument.Load(dataset.Tumor.AnnotationPath);
        Assert.Equal("ASAP_Annotations", xml.Root!.Name);
        var annotations = xml.Root.Element("Annotations")!.Elements("Annotation").ToList();
        Assert.InRange(annotations.Count, 2, 4);
        Assert.Equal(dataset.Tumor.TumorPolygons.Count, annotations.Count);
        for (var i = 0; i < annotations.Count; i++)
        {
            var annotation = annotations[i];
            Assert.Equal(($"Annotation {i}", "Polygon", "Tumor", "#F4FA58"),
                ((string?)annotation.Attribute("Name"), (string?)annotation.Attribute("Type"),
                 (string?)annotation.Attribute("PartOfGroup"), (string?)annotation.Attribute("Color")));
            var points = annotation.Element("Coordinates")!.Elements("Coordinate")
                .OrderBy(c => (int)c.Attribute("Order")!)
                .Select(c => new SynthPoint(Parse(c, "X"), Parse(c, "Y")));
            Assert.Equal(dataset.Tumor.TumorPolygons[i].Points, points);
        }
        // The groups ASAP shows: Tumor, and the (here empty) Exclusion group of the shared writer.
        var groups = xml.Root.Element("AnnotationGroups")!.Elements("Group").ToList();
        Assert.Equal(["Tumor", "Exclusion"], groups.Select(g => (string?)g.Attribute("Name")));
        var group = groups[0];
        Assert.Equal(("Tumor", "None", "#ff0000"),
            ((string?)group.Attribute("Name"), (string?)group.Attribute("PartOfGroup"), (string?)group.Attribute("Color")));
        Assert.NotNull(group.Element("Attributes"));
    }

    [Fact]
    public void ProgressCountsEveryRowOfEverySlideAndMask()
    {
        var total = 2L * 2 * SyntheticDatasetFixture.Size;
        Assert.All(dataset.Reports, r => Assert.Equal(total, r.Total));
        Assert.Equal(total, dataset.Reports[^1].Done);
        Assert.Equal(dataset.Reports.Select(r => r.Done).Order(), dataset.Reports.Select(r => r.Done));
        Assert.Contains(dataset.Reports, r => r is { Stage: "mask", Item: "normal_001" } || r is { Stage: "slide", Item: "normal_001" });
    }

    /// <summary>A pixel whose centre lies inside the polygon, near the middle of its bounding box.</summary>
    internal static (int X, int Y) InteriorPixel(SynthPolygon polygon)
    {
        var (cx, cy) = ((int)((polygon.MinX + polygon.MaxX) / 2), (int)((polygon.MinY + polygon.MaxY) / 2));
        for (var r = 0; ; r++)
        for (var dy = -r; dy <= r; dy++)
        for (var dx = -r; dx <= r; dx++)
            if (polygon.Contains(cx + dx + 0.5, cy + dy + 0.5)) return (cx + dx, cy + dy);
    }

    private static double Parse(XElement coordinate, string axis) =>
        double.Parse((string)coordinate.Attribute(axis)!, CultureInfo.InvariantCulture);
}
