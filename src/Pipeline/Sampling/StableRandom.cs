using System.Text;

namespace TumorWeb.Pipeline.Sampling;

/// <summary>
/// Random streams derived from (seed, names), so each slide's draw is the same whatever order
/// or thread slides are processed in. string.GetHashCode is randomised per process, so FNV-1a.
/// </summary>
public static class StableRandom
{
    public static Random For(int seed, params string[] names)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var b in names.SelectMany(n => Encoding.UTF8.GetBytes(n + "\0")))
            hash = (hash ^ b) * 16777619u;
        return new Random((int)(hash & 0x7FFFFFFF));
    }

    /// <summary>Picks <paramref name="count"/> distinct items without replacement (partial Fisher-Yates).</summary>
    public static List<T> Choose<T>(IReadOnlyList<T> items, int count, Random random)
    {
        var pool = items.ToArray();
        var take = Math.Clamp(count, 0, pool.Length);
        for (var i = 0; i < take; i++)
        {
            var j = random.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool.Take(take).ToList();
    }
}
