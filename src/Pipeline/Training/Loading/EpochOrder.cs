using System.Globalization;
using TumorWeb.Pipeline.Sampling;

namespace TumorWeb.Pipeline.Training.Loading;

/// <summary>
/// The order patches are visited in an epoch: a shuffle that depends on nothing but the seed and
/// the epoch, so a resumed run visits the rest of the epoch exactly as an uninterrupted one would.
/// </summary>
public static class EpochOrder
{
    /// <summary>A permutation of 0 .. count-1.</summary>
    public static int[] For(int seed, int epoch, int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        var random = StableRandom.For(seed, "epoch", epoch.ToString(CultureInfo.InvariantCulture));
        for (var i = count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
