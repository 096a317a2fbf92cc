using TumorWeb.Pipeline.Stain;

namespace TumorWeb.Pipeline.Tests.Stain;

public sealed class StainMathsTests
{
    [Fact]
    public void OpticalDensityOfWhiteIsZeroAndOfBlackIsLn255()
    {
        Assert.Equal(0, OpticalDensity.Of(255));
        Assert.Equal(Math.Log(255), OpticalDensity.Of(0), 12);
        Assert.Equal(Math.Log(255.0 / 127), OpticalDensity.Of(127), 12);
        Assert.Equal(255, OpticalDensity.ToByte(0));
        Assert.Equal(94, OpticalDensity.ToByte(1));
    }

    [Theory]
    [InlineData(255, 255, 255, false)]
    [InlineData(220, 200, 230, false)]
    [InlineData(180, 120, 200, true)]
    public void TissueAbsorbsAtLeastPointFifteenInEveryChannel(byte r, byte g, byte b, bool tissue)
    {
        // 255 * exp(-0.15) = 219.5: 220 in a channel is glass-bright.
        Assert.Equal(tissue, OpticalDensity.IsTissue(r, g, b));
    }

    [Fact]
    public void InverseTimesMatrixIsTheIdentity()
    {
        var m = new Matrix3(2, 0, 1, 1, 3, 0, 0, 1, 4);
        var product = m * m.Inverse();

        Assert.Equal(25, m.Determinant, 12);
        for (var i = 0; i < 3; i++)
        for (var j = 0; j < 3; j++)
            Assert.Equal(i == j ? 1 : 0, product[i, j], 12);
    }

    [Fact]
    public void EigenvectorsOfAKnownSymmetricMatrixComeLargestFirst()
    {
        var (values, vectors) = SymmetricEigen.Of(new Matrix3(2, 1, 0, 1, 2, 0, 0, 0, 1.5));

        Assert.Equal([3, 1.5, 1], values.Select(v => Math.Round(v, 9)));
        Assert.Equal(1, Math.Abs(vectors[0].Dot(new StainVector(1, 1, 0).Unit())), 9);
        Assert.Equal(1, Math.Abs(vectors[1].Dot(new StainVector(0, 0, 1))), 9);
        Assert.Equal(1, Math.Abs(vectors[2].Dot(new StainVector(1, -1, 0).Unit())), 9);
    }

    [Fact]
    public void PercentilesInterpolateLikeNumpy()
    {
        double[] values = [4, 1, 3, 2];
        Assert.Equal(2.5, Percentile.Of(values, 50), 12);
        Assert.Equal(3.97, Percentile.Of(values, 99), 12);
        Assert.Equal(1.03, Percentile.Of(values, 1), 12);
    }

    [Fact]
    public void AngleBetweenStainVectorsIsInDegrees()
    {
        Assert.Equal(90, new StainVector(1, 0, 0).DegreesTo(new StainVector(0, 2, 0)), 9);
        Assert.Equal(45, new StainVector(1, 0, 0).DegreesTo(new StainVector(1, 1, 0)), 9);
    }

    [Fact]
    public void MethodNamesParseAndOthersAreRefusedWithTheChoices()
    {
        Assert.Equal(StainMethod.Macenko, StainMethods.Parse("macenko"));
        Assert.Equal(StainMethod.Reinhard, StainMethods.Parse("Reinhard"));
        Assert.Equal(ColorAugment.Strong, ColorAugments.Parse("strong"));
        Assert.Contains("none, macenko or reinhard (got vahadane)", Assert.Throws<ArgumentException>(() => StainMethods.Parse("vahadane")).Message);
        Assert.Contains("none, light or strong (got heavy)", Assert.Throws<ArgumentException>(() => ColorAugments.Parse("heavy")).Message);
    }

    [Fact]
    public void MedianOfEstimatesTakesEachParameterSeparately()
    {
        SlideStain Stain(double h, double l) => new(new MacenkoStain(new StainVector(1, 0, 0), new StainVector(0, 1, 0), h, 1), new ReinhardStain(l, 0, 0, 1, 1, 1), 1000);

        var median = SlideStain.Median([Stain(1, 60), Stain(3, 80), Stain(2, 70)]);

        Assert.Equal(2, median.Macenko.MaxHaematoxylin);
        Assert.Equal(70, median.Reinhard.MeanL);
    }
}
