namespace TumorWeb.Pipeline.Synthetic;

/// <summary>Optical density of a stain per RGB channel (Beer-Lambert: light = white * exp(-density)).</summary>
internal readonly record struct StainVector(float R, float G, float B)
{
    public StainVector Jittered(ref SynthRandom random, double amount)
    {
        var (r, g, b) = (R + random.Range(-amount, amount), G + random.Range(-amount, amount), B + random.Range(-amount, amount));
        var length = Math.Sqrt(r * r + g * g + b * b);
        return new StainVector((float)(Math.Max(0.02, r) / length), (float)(Math.Max(0.02, g) / length), (float)(Math.Max(0.02, b) / length));
    }
}

/// <summary>
/// One slide's staining and scanning: haematoxylin and eosin hues and strengths, the background
/// light, grain and blur. Jittered per slide so a classifier cannot key on one exact colour.
/// </summary>
internal sealed record StainPalette(
    StainVector Haematoxylin,
    StainVector Eosin,
    float HaematoxylinStrength,
    float EosinStrength,
    (byte R, byte G, byte B) Background,
    float NoiseAmplitude,
    double BlurSigma)
{
    /// <summary>
    /// Eosin as bound by tumor cytoplasm: absorbing almost no red, a redder pink than collagen. It
    /// also offsets the purple of crowded nuclei, so tumor keeps about the mean colour of normal tissue.
    /// </summary>
    public StainVector Cytoplasm => Eosin with { R = Eosin.R * 0.1f };

    // The reference H&E vectors of Macenko et al., widely used for stain normalisation.
    private static readonly StainVector ReferenceHaematoxylin = new(0.5626f, 0.7201f, 0.4062f);
    private static readonly StainVector ReferenceEosin = new(0.2159f, 0.8012f, 0.5581f);

    public static StainPalette Random(ref SynthRandom random) => new(
        ReferenceHaematoxylin.Jittered(ref random, 0.08),
        ReferenceEosin.Jittered(ref random, 0.06),
        (float)random.Range(0.85, 1.2),
        (float)random.Range(0.8, 1.25),
        ((byte)random.Next(236, 251), (byte)random.Next(234, 249), (byte)random.Next(238, 253)),
        (float)random.Range(2, 5),
        random.Range(0.5, 0.7));
}
