using System.Text.Json;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Inference;
using TumorWeb.Pipeline.Inference.Output;
using TumorWeb.Pipeline.Inference.Symmetry;
using TumorWeb.Pipeline.Tests.Grid;

namespace TumorWeb.Pipeline.Tests.Inference;

public class TestTimeAugmentationTests
{
    // A 2x2 patch: a b / c d, each pixel's RGB (n, n + 1, n + 2).
    private static readonly byte[] TwoByTwo = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

    private static byte[] Pixels(params int[] reds) => reds.SelectMany(r => new[] { (byte)r, (byte)(r + 1), (byte)(r + 2) }).ToArray();

    private static byte[] Apply(int transform, byte[] patch, int side)
    {
        var result = new byte[patch.Length];
        DihedralTransform.Of(transform).Apply(patch, result, side);
        return result;
    }

    [Theory]
    [InlineData(0, new[] { 1, 4, 7, 10 })]  // a b / c d
    [InlineData(1, new[] { 7, 1, 10, 4 })]  // 90 degrees clockwise: c a / d b
    [InlineData(2, new[] { 10, 7, 4, 1 })]  // 180: d c / b a
    [InlineData(3, new[] { 4, 10, 1, 7 })]  // 270: b d / a c
    [InlineData(4, new[] { 4, 1, 10, 7 })]  // mirrored: b a / d c
    [InlineData(5, new[] { 1, 7, 4, 10 })]  // 90 then mirrored (the transpose): a c / b d
    [InlineData(6, new[] { 7, 10, 1, 4 })]  // 180 then mirrored (upside down): c d / a b
    [InlineData(7, new[] { 10, 4, 7, 1 })]  // 270 then mirrored (the anti-transpose): d b / c a
    public void TwoByTwoPatchGoesWhereTheTransformSays(int transform, int[] expectedReds) =>
        Assert.Equal(Pixels(expectedReds), Apply(transform, TwoByTwo, 2));

    [Fact]
    public void ThreeByThreePatchRotatesAndMirrorsKeepingEachPixelsChannelsTogether()
    {
        var patch = Pixels(10, 20, 30, 40, 50, 60, 70, 80, 90);
        Assert.Equal(Pixels(70, 40, 10, 80, 50, 20, 90, 60, 30), Apply(1, patch, 3));
        Assert.Equal(Pixels(90, 80, 70, 60, 50, 40, 30, 20, 10), Apply(2, patch, 3));
        Assert.Equal(Pixels(30, 60, 90, 20, 50, 80, 10, 40, 70), Apply(3, patch, 3));
        Assert.Equal(Pixels(30, 20, 10, 60, 50, 40, 90, 80, 70), Apply(4, patch, 3));
    }

    [Fact]
    public void TheEightTransformsOfAnAsymmetricPatchAreEightDifferentPatches()
    {
        var patch = Pixels(10, 20, 30, 40, 50, 60, 70, 80, 90);
        Assert.Equal(8, Enumerable.Range(0, 8).Select(t => Convert.ToHexString(Apply(t, patch, 3))).Distinct().Count());
    }

    [Fact]
    public void WrongSizesAreRefused()
    {
        Assert.Throws<ArgumentException>(() => DihedralTransform.Of(1).Apply(TwoByTwo, new byte[12], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => DihedralTransform.Of(8));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(16)]
    public void OnlyOneFourOrEightTransformsAreAccepted(int transforms)
    {
        var error = Assert.Throws<ArgumentException>(() => TestTimeAugmentation.Wrap(new ConstantClassifier(0.5f, 3), transforms));
        Assert.Contains("1, 4 or 8", error.Message);
        Assert.Throws<ArgumentException>(() => new HeatmapOptions { Tta = transforms }.Validate());
    }

    [Fact]
    public void NonInvariantModelGetsTheMeanOverTheTransforms()
    {
        // The fake scores a patch by its top-left pixel's red; each corner comes to the top left under
        // one rotation and one mirrored rotation, so TTA 4 and 8 both give the mean of the corners' reds.
        var corners = Pixels(40, 0, 80, 0, 0, 0, 120, 0, 200);
        var second = Pixels(0, 0, 0, 0, 100, 0, 0, 0, 0);
        var model = new RecordingClassifier(3, patch => patch[0] / 255f);
        var batch = corners.Concat(second).ToArray();

        using var tta1 = TestTimeAugmentation.Wrap(model, 1);
        using var tta4 = TestTimeAugmentation.Wrap(model, 4);
        using var tta8 = TestTimeAugmentation.Wrap(model, 8);
        Assert.Equal([40 / 255f, 0f], tta1.Score(batch, 2));
        Assert.Equal([110 / 255f, 0f], tta4.Score(batch, 2), new FloatEquality(1e-6f));
        Assert.Equal([110 / 255f, 0f], tta8.Score(batch, 2), new FloatEquality(1e-6f));
        Assert.Equal([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2], model.BatchSizes);
    }

    [Fact]
    public void MeanIsOverTheModelsProbabilitiesNotItsInputs()
    {
        // A model that scores 1 only when the brightest pixel sits at the top left: it does for one
        // rotation and one mirror of eight, so the mean is 2/8, not the score of an averaged patch.
        var patch = Pixels(0, 0, 0, 0, 0, 0, 0, 0, 250);
        var model = new RecordingClassifier(3, p => p[0] == 250 ? 1f : 0f);
        using var tta8 = TestTimeAugmentation.Wrap(model, 8);
        Assert.Equal([0.25f], tta8.Score(patch, 1));
    }

    [Fact]
    public async Task InvariantModelScoresTheSameSlideWithAndWithoutTta()
    {
        // Mean brightness does not change under rotation or mirroring.
        const int cellSize = 16, patchSize = 37;
        using var slide = new CoordinateSlide(8 * cellSize, 6 * cellSize, cellSize);
        var tissue = CellMasks.Parse(["##..####", "########", ".######.", "###..###", "########", "#.#.#.#."]);
        var model = new RecordingClassifier(patchSize, patch => (float)(patch.ToArray().Sum(b => (double)b) / (255.0 * patch.Length)));
        var plain = await HeatmapScorer.ScoreAsync(slide, tissue, cellSize, model, new HeatmapOptions { BatchSize = 5 }, null, default);
        var calls = model.BatchSizes.Count;
        var augmented = await HeatmapScorer.ScoreAsync(slide, tissue, cellSize, model, new HeatmapOptions { BatchSize = 5, Tta = 8 }, null, default);

        Assert.Equal(plain.Probabilities, augmented.Probabilities, new FloatEquality(1e-6f));
        Assert.Contains(plain.Probabilities, p => p > 0);
        Assert.Equal(9 * calls, model.BatchSizes.Count);
    }

    [Fact]
    public void HeatmapJsonRecordsTtaAndOldFilesReadAsOne()
    {
        using var dir = new TempDirectory();
        var (files, summary) = HeatmapWriter.Write(HeatmapBuilder.DocsExample() with { Tta = 8 }, dir.Path);
        Assert.Equal(8, summary.Tta);
        using (var json = JsonDocument.Parse(File.ReadAllText(files.Summary)))
            Assert.Equal(8, json.RootElement.GetProperty("tta").GetInt32());

        var old = JsonSerializer.Deserialize<Dictionary<string, object>>(File.ReadAllText(files.Summary))!;
        old.Remove("tta");
        File.WriteAllText(files.Summary, JsonSerializer.Serialize(old));
        Assert.Equal(1, HeatmapSummaryFile.Read(files.Summary).Tta);
    }

    private sealed class FloatEquality(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(float value) => 0;
    }
}
