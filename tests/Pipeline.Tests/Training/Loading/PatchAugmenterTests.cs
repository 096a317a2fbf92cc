using TumorWeb.Pipeline.Training.Loading;

namespace TumorWeb.Pipeline.Tests.Training.Loading;

public sealed class PatchAugmenterTests
{
    // A 3 x 3 patch whose pixel (x, y) is grey 10 * (3y + x + 1): rows 10 20 30 / 40 50 60 / 70 80 90.
    private static byte[] Numbered() => Enumerable.Range(1, 9).SelectMany(v => Enumerable.Repeat((byte)(v * 10), 3)).ToArray();

    private static byte[] Grey(byte[] rgb) => rgb.Where((_, i) => i % 3 == 0).ToArray();

    private static byte[] Apply(byte[] source, int size, Augmentation augmentation)
    {
        var result = new byte[source.Length];
        PatchAugmenter.Apply(source, result, size, augmentation);
        return result;
    }

    [Fact]
    public void FlipMirrorsEachRowExactly()
    {
        Assert.Equal([30, 20, 10, 60, 50, 40, 90, 80, 70], Grey(Apply(Numbered(), 3, new Augmentation(0, Flip: true))));
    }

    [Fact]
    public void QuarterTurnIsTheTransposeFlippedUpsideDown()
    {
        // numpy.rot90: counterclockwise as seen on screen; the right column becomes the top row.
        Assert.Equal([30, 60, 90, 20, 50, 80, 10, 40, 70], Grey(Apply(Numbered(), 3, new Augmentation(90, Flip: false))));
    }

    [Fact]
    public void TurnThenFlipMirrorsTheTurnedPatch()
    {
        Assert.Equal([90, 60, 30, 80, 50, 20, 70, 40, 10], Grey(Apply(Numbered(), 3, new Augmentation(90, Flip: true))));
    }

    [Fact]
    public void HalfTurnReversesThePixelsAndKeepsChannelsApart()
    {
        byte[] source = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        Assert.Equal([10, 11, 12, 7, 8, 9, 4, 5, 6, 1, 2, 3], Apply(source, 2, new Augmentation(180, Flip: false)));
    }

    [Fact]
    public void CornersTurnedInFromOutsideThePatchAreWhite()
    {
        var black = new byte[7 * 7 * 3];

        var turned = Apply(black, 7, new Augmentation(45, Flip: false));

        // A corner 3 pixels from the centre both ways comes from 4.24 pixels straight above it.
        Assert.Equal([255, 255, 255], turned[..3]);
        Assert.Equal([255, 255, 255], turned[^3..]);
        Assert.Equal([0, 0, 0], turned.AsSpan((3 * 7 + 3) * 3, 3).ToArray());
    }

    [Fact]
    public void DrawsAreFixedBySeedEpochAndPositionAndCoverBothWaysAndBothMirrors()
    {
        var draws = Enumerable.Range(0, 400).Select(p => Augmentation.Draw(7, 2, p)).ToList();

        Assert.Equal(draws, Enumerable.Range(0, 400).Select(p => Augmentation.Draw(7, 2, p)));
        Assert.NotEqual(draws, Enumerable.Range(0, 400).Select(p => Augmentation.Draw(7, 3, p)));
        Assert.All(draws, d => Assert.InRange(d.Degrees, -180, 180));
        Assert.Contains(draws, d => d.Degrees < -90);
        Assert.Contains(draws, d => d.Degrees > 90);
        Assert.InRange(draws.Count(d => d.Flip), 150, 250);
    }
}
