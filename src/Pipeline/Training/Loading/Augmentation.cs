using System.Globalization;
using TumorWeb.Pipeline.Sampling;

namespace TumorWeb.Pipeline.Training.Loading;

/// <summary>
/// How one patch is altered: turned by <paramref name="Degrees"/> counterclockwise about its centre,
/// then mirrored left to right when <paramref name="Flip"/>, like the seed's
/// ImageDataGenerator(rotation_range=180, horizontal_flip=True).
/// </summary>
public readonly record struct Augmentation(double Degrees, bool Flip)
{
    public static Augmentation None => new(0, false);

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
