using TumorWeb.Pipeline.FeatureVectors;

namespace TumorWeb.Pipeline.Tests.FeatureVectors;

public sealed class ResNet18FeaturesTests(ResNet18Fixture model) : IClassFixture<ResNet18Fixture>
{
    private const int Side = HeRegions.Side;

    [SkippableFact]
    public void TissueGivesFiniteNonNegative512FeaturesThatRepeatExactly()
    {
        var tissue = HeRegions.Tissue();
        var first = model.Features.Extract(tissue, 1, Side);
        var again = model.Features.Extract(tissue, 1, Side);
        Assert.Equal(ResNet18Features.Dimension, first.Length);
        Assert.All(first, v => Assert.True(float.IsFinite(v) && v >= 0, $"feature {v}"));
        Assert.Contains(first, v => v > 1);
        Assert.Equal(first, again);
    }

    [SkippableFact]
    public void TissueAndGlassPointDifferentWays()
    {
        var tissue = model.Features.Extract(HeRegions.Tissue(), 1, Side);
        var glass = model.Features.Extract(HeRegions.Glass(), 1, Side);
        var white = model.Features.Extract(Enumerable.Repeat((byte)255, Side * Side * 3).ToArray(), 1, Side);
        Assert.InRange(Cosine(tissue, glass), -1, 0.8);
        Assert.InRange(Cosine(tissue, white), -1, 0.8);
    }

    [SkippableFact]
    public void ABatchGivesTheFeaturesOfEachPatchAlone()
    {
        // Six patches over a batch size of four: one full batch and one partial.
        byte[][] patches = [HeRegions.Tissue(), HeRegions.Glass(), HeRegions.Read(1500, 1800), HeRegions.Read(900, 2400), HeRegions.Tissue(), HeRegions.Read(300, 2600)];
        var batch = model.Features.Extract(patches.SelectMany(p => p).ToArray(), patches.Length, Side);
        for (var i = 0; i < patches.Length; i++)
        {
            var single = model.Features.Extract(patches[i], 1, Side);
            for (var j = 0; j < ResNet18Features.Dimension; j++)
                Assert.Equal(single[j], batch[i * ResNet18Features.Dimension + j], 1e-4f);
        }
    }

    [Fact]
    public void ZeroPatchesGiveNoFeatures() => Assert.Empty(model.Features.Extract([], 0, Side));

    [Fact]
    public void PixelsThatDoNotMatchTheCountAreRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => model.Features.Extract(new byte[Side * Side * 3], 2, Side));
        Assert.Contains("2 patches of 299x299 RGB need 536406 bytes, got 268203", e.Message);
    }

    [Fact]
    public void ModelHashCoversTheShippedFiles() =>
        Assert.Matches("^[0-9a-f]{64}$", model.Features.ModelHash);

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Length; i++) (dot, aa, bb) = (dot + (double)a[i] * b[i], aa + (double)a[i] * a[i], bb + (double)b[i] * b[i]);
        return dot / Math.Sqrt(aa * bb);
    }
}
