using System.Globalization;
using TumorWeb.Pipeline.Sampling;
using TumorWeb.Pipeline.Stain;

namespace TumorWeb.Pipeline.Training.Loading;

/// <summary>
/// How one patch is altered: turned by <paramref name="Degrees"/> counterclockwise about its centre,
/// then mirrored left to right when <paramref name="Flip"/>, like the seed's
/// ImageDataGenerator(rotation_range=180, horizontal_flip=True); its colours first jittered by
/// <paramref name="Color"/> when the run asks for colour augmentation.
/// </summary>
public readonly record struct Augmentation(double Degrees, bool Flip, ColorJitter? Color = null)
{
    public static Augmentation None => new(0, false);

    /// <summary>True when the patch is turned or mirrored.</summary>
    public bool MovesPixels => Degrees != 0 || Flip;

    /// <summary>
    /// The colour jitter of the patch at <paramref name="position"/> of an epoch's order, drawn like the
    /// turn: from the seed, epoch and position alone, so a resumed run jitters each patch as before.
    /// </summary>
    public static ColorJitter? DrawColor(ColorAugment level, int seed, int epoch, int position) =>
        level == ColorAugment.None
            ? null
            : ColorJitter.Draw(level.Ranges(), StableRandom.For(seed, "color", epoch.ToString(CultureInfo.InvariantCulture), position.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// The draw for the patch at <paramref name="position"/> of an epoch's order: a function of the
    /// seed, epoch and position alone, so it does not depend on which thread decodes the patch.
    /// </summary>
    public static Augmentation Draw(int seed, int epoch, int position)
    {
        var random = StableRandom.For(seed, "augment", epoch.ToString(CultureInfo.InvariantCulture), position.ToString(CultureInfo.InvariantCulture));
        return new Augmentation(random.NextDouble() * 360 - 180, random.Next(2) == 1);
    }
}
