namespace TumorWeb.Pipeline.Training;

/// <summary>
/// The seed libtorch's generator gets before each optimizer step. Dropout's masks then depend on the
/// run's seed and the step alone, so a resumed run draws the same masks without saving the
/// generator's state (SplitMix64's finalizer spreads neighbouring steps apart).
/// </summary>
public static class StepSeeds
{
    public static long For(int seed, long step)
    {
        var z = ((ulong)(uint)seed << 40) ^ (ulong)step;
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (long)((z ^ (z >> 31)) >> 1);
    }
}
