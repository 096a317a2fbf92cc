using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Tests.Slides;

public class SlideResolutionTests
{
    private static SlideMetadata Slide(double? mppX, double? mppY, params (string Key, string Value)[] properties) =>
        new("/x/slide.tif", "generic-tiff", [new SlideLevel(100, 100, 1)], mppX, mppY, null, null, [],
            properties.ToDictionary(p => p.Key, p => p.Value));

    [Fact]
    public void OpenSlidesMppWins() =>
        Assert.Equal(new MicronsPerPixel(0.499, 0.5, "openslide.mpp-x"),
            SlideResolution.Of(Slide(0.499, 0.5, ("tiff.XResolution", "40000"), ("tiff.ResolutionUnit", "centimeter"))));

    [Fact]
    public void CentimetreResolutionTagsGiveMicronsPerPixel() =>
        Assert.Equal(new MicronsPerPixel(0.25, 0.5, "TIFF resolution tags"),
            SlideResolution.Of(Slide(null, null, ("tiff.XResolution", "40000"), ("tiff.YResolution", "20000"), ("tiff.ResolutionUnit", "centimeter"))));

    [Fact]
    public void InchResolutionTagsGiveMicronsPerPixel() =>
        Assert.Equal(new MicronsPerPixel(0.254, 0.254, "TIFF resolution tags"),
            SlideResolution.Of(Slide(null, null, ("tiff.XResolution", "100000"), ("tiff.ResolutionUnit", "inch"))));

    [Theory]
    [InlineData("none", "40000")]
    [InlineData("centimeter", "0")]
    [InlineData("centimeter", "abc")]
    [InlineData("centimeter", "10")]
    public void TagsWithoutAUnitOrAPositiveResolutionSayNothing(string unit, string resolution) =>
        Assert.Null(SlideResolution.Of(Slide(null, null, ("tiff.XResolution", resolution), ("tiff.ResolutionUnit", unit))));

    [Fact]
    public void TheUsersMppStandsInAndASlideWithNeitherIsRefusedNamingTheWayOut()
    {
        Assert.Equal(new MicronsPerPixel(0.3, 0.3, "--mpp"), SlideResolution.Of(Slide(null, null), 0.3));
        var error = Assert.Throws<SlideException>(() => SlideResolution.Require(Slide(null, null)));
        Assert.StartsWith("/x/slide.tif: the slide does not say its resolution", error.Message);
        Assert.EndsWith("give it with --mpp", error.Message);
    }
}
