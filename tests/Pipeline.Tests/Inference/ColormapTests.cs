using TumorWeb.Pipeline.Inference.Output;

namespace TumorWeb.Pipeline.Tests.Inference;

public sealed class ColormapTests
{
    [Theory]
    [InlineData(0f, 68, 1, 84)]      // matplotlib's viridis(0): 0.267004, 0.004874, 0.329415
    [InlineData(1f, 253, 231, 37)]   // viridis(1): 0.993248, 0.906157, 0.143936
    [InlineData(128 / 255f, 33, 145, 140)] // table entry 128: 0.127568, 0.566949, 0.550556
    [InlineData(-0.5f, 68, 1, 84)]
    [InlineData(2f, 253, 231, 37)]
    [InlineData(float.NaN, 68, 1, 84)]
    public void ViridisMatchesMatplotlibsTableAtItsEntries(float value, int r, int g, int b)
    {
        Assert.Equal(((byte)r, (byte)g, (byte)b), ViridisColormap.Colour(value));
    }

    [Fact]
    public void ViridisBetweenTwoStopsIsTheirMix()
    {
        // Halfway between entries 248 (236, 229, 27) and 255 (253, 231, 37), at 251.5.
        Assert.Equal(((byte)245, (byte)230, (byte)32), ViridisColormap.Colour(251.5f / 255));
    }

    [Fact]
    public void ViridisGetsLighterAllTheWay()
    {
        static double Luma((byte R, byte G, byte B) c) => 0.299 * c.R + 0.587 * c.G + 0.114 * c.B;
        var lumas = Enumerable.Range(0, 101).Select(i => Luma(ViridisColormap.Colour(i / 100f))).ToList();

        Assert.All(lumas.Zip(lumas.Skip(1)), pair => Assert.True(pair.Second > pair.First, $"{pair.First} then {pair.Second}"));
    }

    [Theory]
    [InlineData("jet", HeatmapColormap.Jet)]
    [InlineData("Viridis", HeatmapColormap.Viridis)]
    public void ColormapsAreNamedAsInUrls(string name, HeatmapColormap expected)
    {
        Assert.Equal(expected, HeatmapColormaps.Parse(name));
        Assert.Equal(name.ToLowerInvariant(), expected.Name());
    }

    [Fact]
    public void AnUnknownColormapNameIsNone()
    {
        Assert.Null(HeatmapColormaps.Parse("rainbow"));
        Assert.Null(HeatmapColormaps.Parse(null));
    }

    [Fact]
    public void EachColormapDrawsItsOwnColours()
    {
        Assert.Equal(((byte)0, (byte)0, (byte)128), HeatmapColormap.Jet.Colour(0));
        Assert.Equal(((byte)68, (byte)1, (byte)84), HeatmapColormap.Viridis.Colour(0));
    }
}
