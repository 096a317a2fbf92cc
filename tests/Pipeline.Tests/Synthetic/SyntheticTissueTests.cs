using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Tests.Synthetic;

/// <summary>
/// What a classifier would see: tumor sits on tissue, and differs from normal tissue by its crowded
/// dark nuclei, not by its average colour.
/// </summary>
[Collection(SyntheticDatasetCollection.Name)]
public class SyntheticTissueTests(SyntheticDatasetFixture dataset)
{
    private const int Window = 32;
    private const int Size = SyntheticDatasetFixture.Size;

    [Fact]
    public void BackgroundIsNearlyWhiteGlass()
    {
        var corner = Read(dataset.Tumor.SlidePath, 0, 0, 64, 64);
        var (r, g, b) = MeanColour(corner, 0, 0, 64);
        Assert.True(Math.Min(r, Math.Min(g, b)) > 225, $"background mean ({r:0}, {g:0}, {b:0})");
        Assert.True(Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b)) < 20, "background should be unstained");
    }

    [Fact]
    public void TumorLiesOnStainedTissue()
    {
        foreach (var tumor in dataset.Tumor.TumorPolygons)
        {
            var (left, top) = ((int)tumor.MinX, (int)tumor.MinY);
            var (width, height) = ((int)tumor.MaxX - left, (int)tumor.MaxY - top);
            var region = Read(dataset.Tumor.SlidePath, left, top, width, height);
            int inside = 0, glass = 0;
            for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                if (!tumor.Contains(left + x + 0.5, top + y + 0.5)) continue;
                inside++;
                var (r, g, b) = region[x, y];
                if (Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b)) < 20 && Math.Min(r, Math.Min(g, b)) > 215) glass++;
            }
            Assert.True(glass < inside / 200, $"{glass} of {inside} tumor pixels look like bare glass");
        }
    }

    [Fact]
    public void TumorHasFarMoreDarkNuclearPixelsThanNormalTissue()
    {
        var (tumor, normal) = Windows();
        var tumorDark = tumor.Average(w => w.DarkShare);
        var normalDark = normal.Average(w => w.DarkShare);
        Assert.True(tumorDark > 0.15, $"tumor windows: {tumorDark:P1} dark pixels");
        Assert.True(normalDark < 0.06, $"normal windows: {normalDark:P1} dark pixels");
    }

    [Fact]
    public void TumorKeepsAboutTheMeanColourOfNormalTissue()
    {
        var (tumor, normal) = Windows();
        var differences = new[]
        {
            tumor.Average(w => w.Mean.R) - normal.Average(w => w.Mean.R),
            tumor.Average(w => w.Mean.G) - normal.Average(w => w.Mean.G),
            tumor.Average(w => w.Mean.B) - normal.Average(w => w.Mean.B),
        };
        Assert.All(differences, d => Assert.InRange(d, -12, 12));
    }

    /// <summary>32x32 windows wholly inside tumor, and wholly on normal tissue of the same slide.</summary>
    private (List<WindowStats> Tumor, List<WindowStats> Normal) Windows()
    {
        var slide = Read(dataset.Tumor.SlidePath, 0, 0, Size, Size);
        var mask = Read(dataset.Tumor.MaskPath, 0, 0, Size, Size);
        var (tumor, normal) = (new List<WindowStats>(), new List<WindowStats>());
        for (var top = 0; top + Window <= Size; top += Window)
        for (var left = 0; left + Window <= Size; left += Window)
        {
            var maskValues = Pixels(left, top).Select(p => mask[p.X, p.Y].R).Distinct().ToList();
            if (maskValues is [255]) tumor.Add(Stats(slide, left, top));
            else if (maskValues is [0] && Pixels(left, top).All(p => Saturation(slide[p.X, p.Y]) > 25)) normal.Add(Stats(slide, left, top));
        }
        Assert.True(tumor.Count >= 10 && normal.Count >= 100, $"{tumor.Count} tumor and {normal.Count} normal windows");
        return (tumor, normal);
    }

    private static IEnumerable<(int X, int Y)> Pixels(int left, int top) =>
        Enumerable.Range(0, Window * Window).Select(i => (left + i % Window, top + i / Window));

    private static WindowStats Stats(RgbImage slide, int left, int top)
    {
        var dark = Pixels(left, top).Count(p => Luminance(slide[p.X, p.Y]) < 140);
        return new WindowStats(MeanColour(slide, left, top, Window), (double)dark / (Window * Window));
    }

    private static (double R, double G, double B) MeanColour(RgbImage image, int left, int top, int size)
    {
        var pixels = Enumerable.Range(0, size * size).Select(i => image[left + i % size, top + i / size]).ToList();
        return (pixels.Average(p => p.R), pixels.Average(p => p.G), pixels.Average(p => p.B));
    }

    private static double Luminance((byte R, byte G, byte B) p) => 0.299 * p.R + 0.587 * p.G + 0.114 * p.B;

    private static int Saturation((byte R, byte G, byte B) p) => Math.Max(p.R, Math.Max(p.G, p.B)) - Math.Min(p.R, Math.Min(p.G, p.B));

    private static RgbImage Read(string path, int left, int top, int width, int height)
    {
        using var slide = OpenSlideSlide.Open(path);
        return slide.ReadRegion(new RegionRequest(0, left, top, width, height));
    }

    private sealed record WindowStats((double R, double G, double B) Mean, double DarkShare);
}
