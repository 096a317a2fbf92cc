namespace TumorWeb.Pipeline.Synthetic;

/// <summary>How a population of nuclei looks: one candidate per square cell of the given size.</summary>
internal sealed record NucleusStyle(
    float CellSize,
    float RadiusMin,
    float RadiusMax,
    float AspectMin,
    float AspectMax,
    float WobbleMax,
    float DarknessMin,
    float DarknessMax)
{
    /// <summary>Lymph-node stroma: sparse, small and round.</summary>
    public static readonly NucleusStyle Normal = new(20, 2.4f, 3.6f, 0.8f, 1f, 0.05f, 0.75f, 1.05f);

    /// <summary>Some normal nuclei are spindle-shaped fibroblasts, thin and long.</summary>
    public static readonly NucleusStyle Spindle = new(20, 4.5f, 6.5f, 0.3f, 0.45f, 0.05f, 0.75f, 1.0f);

    /// <summary>Metastatic carcinoma: crowded, large, dark and irregular.</summary>
    public static readonly NucleusStyle Tumor = new(15, 4.5f, 7.5f, 0.6f, 0.95f, 0.16f, 1.0f, 1.45f);

    public Nucleus Create(double x, double y, ulong bits)
    {
        var random = new SynthRandom(bits);
        var a = (float)random.Range(RadiusMin, RadiusMax);
        var angle = random.Range(0, Math.PI);
        return new Nucleus((float)x, (float)y, a, a * (float)random.Range(AspectMin, AspectMax),
            (float)Math.Cos(angle), (float)Math.Sin(angle),
            (float)random.Range(-WobbleMax, WobbleMax), (float)random.Range(-WobbleMax, WobbleMax),
            (float)random.Range(DarknessMin, DarknessMax));
    }
}
