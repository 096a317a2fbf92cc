using TumorWeb.Pipeline.Stain;

namespace TumorWeb.Pipeline.Tests.Stain;

public sealed class ReinhardTests
{
    [Fact]
    public void FitIsTheMeanAndPopulationSpreadOfEachChannel()
    {
        var fit = ReinhardStain.Fit([10, 0, -5, 30, 4, 5]);

        Assert.Equal(new ReinhardStain(20, 2, 0, 10, 2, 5), fit);
    }

    [Fact]
    public void MappingGivesTheSourceExactlyTheTargetsMeanAndSpread()
    {
        var random = new Random(7);
        var lab = Enumerable.Range(0, 3000).Select(i => (i % 3 == 0 ? 60 : 0) + random.NextDouble() * 20 - 10).ToArray();
        var source = ReinhardStain.Fit(lab);
        var target = new ReinhardStain(70, 20, -12, 8, 5, 3);

        var mapped = lab.Select((v, i) => source.MapTo(target, i % 3, v)).ToArray();
        var after = ReinhardStain.Fit(mapped);

        Assert.Equal(target.MeanL, after.MeanL, 9);
        Assert.Equal(target.MeanA, after.MeanA, 9);
        Assert.Equal(target.MeanB, after.MeanB, 9);
        Assert.Equal(target.StdL, after.StdL, 9);
        Assert.Equal(target.StdA, after.StdA, 9);
        Assert.Equal(target.StdB, after.StdB, 9);
    }

    [Fact]
    public void OnBytesTheMappedImageHasTheTargetsStatisticsWithinRounding()
    {
        // Darker, so that no tissue pixel turns into glass and leaves the statistics.
        var image = StainImages.Paint(StainImages.Haematoxylin, StainImages.Eosin, 1.0, 0.8, 20_000, seed: 8);
        var source = StainImages.Fit(image).Reinhard;
        var target = source with { MeanL = source.MeanL - 6, MeanA = source.MeanA - 4, StdL = source.StdL * 0.8 };

        new ReinhardNormalizer(source, target).Apply(image);
        var after = StainImages.Fit(image).Reinhard;

        Assert.Equal(target.MeanL, after.MeanL, 0.5);
        Assert.Equal(target.MeanA, after.MeanA, 0.5);
        Assert.Equal(target.MeanB, after.MeanB, 0.5);
        Assert.Equal(target.StdL, after.StdL, 0.5);
    }

    [Fact]
    public void LabOfWhiteAndPureRedAreTheCieValues()
    {
        var white = LabColor.FromRgb(255, 255, 255);
        Assert.Equal(100, white.L, 2);
        Assert.Equal(0, white.A, 2);
        Assert.Equal(0, white.B, 2);
        var red = LabColor.FromRgb(255, 0, 0);
        Assert.Equal(53.24, red.L, 1);
        Assert.Equal(80.09, red.A, 1);
        Assert.Equal(67.20, red.B, 1);
    }

    [Theory]
    [InlineData(255, 255, 255)]
    [InlineData(200, 120, 180)]
    [InlineData(12, 40, 90)]
    public void LabRoundTripReturnsTheSameBytes(byte r, byte g, byte b)
    {
        var (l, a, bb) = LabColor.FromRgb(r, g, b);
        Assert.Equal((r, g, b), LabColor.ToRgb(l, a, bb));
    }

    [Fact]
    public void EveryGreyLevelAndPrimaryRoundTripsThroughLab()
    {
        for (var v = 0; v < 256; v++)
        foreach (var (r, g, b) in new[] { (v, v, v), (v, 0, 0), (0, v, 0), (0, 0, v) })
        {
            var (l, a, bb) = LabColor.FromRgb((byte)r, (byte)g, (byte)b);
            Assert.Equal(((byte)r, (byte)g, (byte)b), LabColor.ToRgb(l, a, bb));
        }
    }

    [Fact]
    public void RememberedColoursMapExactlyAsComputedOnes()
    {
        var image = StainImages.Paint(StainImages.Haematoxylin, StainImages.Eosin, 1.0, 0.8, 5_000, seed: 9);
        var source = StainImages.Fit(image).Reinhard;
        var target = source with { MeanL = source.MeanL - 8, MeanA = source.MeanA + 3 };
        var normalizer = new ReinhardNormalizer(source, target);
        var once = (byte[])image.Clone();
        var twice = (byte[])image.Clone();

        normalizer.Apply(once);
        normalizer.Apply(twice);

        Assert.Equal(once, twice);
        for (var i = 0; i < image.Length; i += 3)
        {
            var (l, a, b) = LabColor.FromRgb(image[i], image[i + 1], image[i + 2]);
            var expected = LabColor.ToRgb(source.MapTo(target, 0, l), source.MapTo(target, 1, a), source.MapTo(target, 2, b));
            Assert.Equal(expected, (once[i], once[i + 1], once[i + 2]));
        }
    }
}
