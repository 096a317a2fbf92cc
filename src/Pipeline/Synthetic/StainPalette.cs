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

    public static StainVector Unit(double r, double g, double b)
    {
        var length = Math.Sqrt(r * r + g * g + b * b);
        return new StainVector((float)(r / length), (float)(g / length), (float)(b / length));
    }

    /// <summary>Turned <paramref name="fraction"/> of the way towards <paramref name="target"/> (both unit length), renormalised.</summary>
    public StainVector TiltedTowards(StainVector target, double fraction) =>
        Unit(R + fraction * (target.R - R), G + fraction * (target.G - G), B + fraction * (target.B - B));

    /// <summary>Angle to another stain vector, in degrees.</summary>
    public double DegreesTo(StainVector other)
    {
        var cosine = (R * other.R + G * other.G + B * other.B) / Math.Sqrt((R * R + G * G + B * B) * (other.R * other.R + other.G * other.G + other.B * other.B));
        return Math.Acos(Math.Clamp(cosine, -1, 1)) * 180 / Math.PI;
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

    // Where --stain-shift 1 turns the stains: a bluer haematoxylin (absorbing more red) and a more
    // purple eosin (absorbing more red and less blue), as from another lab's reagents and scanner.
    private static readonly StainVector ShiftedHaematoxylin = StainVector.Unit(0.80, 0.56, 0.20);
    private static readonly StainVector ShiftedEosin = StainVector.Unit(0.45, 0.82, 0.35);

    /// <summary>How much more haematoxylin a slide takes up at --stain-shift 1 (and how much less at -1).</summary>
    public const float ShiftedHaematoxylinGain = 0.7f;

    /// <summary>A faded slide keeps at least this share of its haematoxylin.</summary>
    private const double MinHaematoxylinShare = 0.1;

    /// <summary>
    /// The palette moved outside the default stain range by <paramref name="shift"/> (-1 to 3): both stain vectors
    /// tilted towards <see cref="ShiftedHaematoxylin"/> and <see cref="ShiftedEosin"/> by |shift| (at most all the
    /// way), and haematoxylin uptake times 1 + <see cref="ShiftedHaematoxylinGain"/> x shift: a darker, over-stained
    /// lab above 0, a faded or under-stained one below. 0 returns this palette unchanged; no random draw is
    /// made, so the rest of the slide's recipe does not depend on the shift.
    /// </summary>
    public StainPalette Shifted(double shift) => shift == 0 ? this : this with
    {
        Haematoxylin = Haematoxylin.TiltedTowards(ShiftedHaematoxylin, Math.Min(Math.Abs(shift), 1)),
        Eosin = Eosin.TiltedTowards(ShiftedEosin, Math.Min(Math.Abs(shift), 1)),
        HaematoxylinStrength = HaematoxylinStrength * (float)Math.Max(MinHaematoxylinShare, 1 + ShiftedHaematoxylinGain * shift),
    };

    public static StainPalette Random(ref SynthRandom random) => new(
        ReferenceHaematoxylin.Jittered(ref random, 0.08),
        ReferenceEosin.Jittered(ref random, 0.06),
        (float)random.Range(0.85, 1.2),
        (float)random.Range(0.8, 1.25),
        ((byte)random.Next(236, 251), (byte)random.Next(234, 249), (byte)random.Next(238, 253)),
        (float)random.Range(2, 5),
        random.Range(0.5, 0.7));
}
