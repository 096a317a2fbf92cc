using TumorWeb.Pipeline.Inference.Output;
using TumorWeb.Web.Features.Viewer;

namespace TumorWeb.Web.Tests.Viewer;

public sealed class HeatmapStyleTests
{
    [Fact]
    public void WithoutQueryValuesTheHeatmapIsTheSeedsJetOnAllTissue()
    {
        Assert.Equal((HeatmapStyle.Seed, (string?)null), HeatmapStyle.Parse(null, null));
    }

    [Fact]
    public void QueryValuesAreReadInvariantly()
    {
        Assert.Equal((new HeatmapStyle(HeatmapColormap.Viridis, 0.35f), (string?)null), HeatmapStyle.Parse("viridis", "0.35"));
    }

    [Fact]
    public void TheViewersStartingStyleAsksForJetFromPointThree()
    {
        Assert.Equal("?colormap=jet&threshold=0.3", HeatmapStyle.ViewerDefault.Query);
        Assert.Equal("?colormap=viridis&threshold=0", (HeatmapStyle.Seed with { Colormap = HeatmapColormap.Viridis }).Query);
    }

    [Theory]
    [InlineData("hot", null, "colormap must be one of jet, viridis, not 'hot'")]
    [InlineData(null, "-0.1", "threshold must be a number from 0 to 1, not '-0.1'")]
    [InlineData(null, "NaN", "threshold must be a number from 0 to 1, not 'NaN'")]
    public void BadValuesAreNamed(string? colormap, string? threshold, string problem)
    {
        Assert.Equal((null, problem), HeatmapStyle.Parse(colormap, threshold));
    }

    [Fact]
    // Jet at 0.35 is 229.5 levels of green in float arithmetic, which rounds up.
    public void TheLegendsBarIsTransparentBelowTheThresholdWithASharpEdge()
    {
        var css = ColormapGradient.Css(HeatmapColormap.Jet, 0.3f);

        Assert.StartsWith("linear-gradient(to right, transparent 0%, transparent 5%, transparent 10%, transparent 15%, transparent 20%, transparent 25%, transparent 30%, rgb(0, 179, 255) 30%, rgb(0, 230, 247) 35%", css);
        Assert.EndsWith("rgb(128, 0, 0) 100%)", css);
    }

    [Fact]
    public void WithoutThresholdTheBarStartsWithTheMapsFirstColour()
    {
        Assert.StartsWith("linear-gradient(to right, rgb(68, 1, 84) 0%, rgb(", ColormapGradient.Css(HeatmapColormap.Viridis, 0));
    }
}
