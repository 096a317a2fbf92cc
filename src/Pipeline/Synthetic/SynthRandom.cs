namespace TumorWeb.Pipeline.Synthetic;

/// <summary>
/// Deterministic randomness that does not depend on thread scheduling or .NET version: SplitMix64
/// hashes of (seed, coordinates), so any strip of a slide can be painted alone and in any order.
/// </summary>
internal struct SynthRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextULong() => Mix(_state += 0x9E3779B97F4A7C15UL);

    public double NextDouble() => Unit(NextULong());

    public double Range(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>An integer in [min, maxExclusive).</summary>
    public int Next(int min, int maxExclusive) => min + (int)(NextULong() % (ulong)(maxExclusive - min));

    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    public static ulong Hash(ulong seed, long a, long b) => Mix(seed ^ Mix((ulong)a ^ Mix((ulong)b)));

    public static double Unit(ulong bits) => (bits >> 11) * (1.0 / (1UL << 53));

    /// <summary>FNV-1a: string.GetHashCode is randomized per process, so it cannot seed anything.</summary>
    public static ulong HashText(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text) hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }
}
