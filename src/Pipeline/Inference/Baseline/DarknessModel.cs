namespace TumorWeb.Pipeline.Inference.Baseline;

/// <summary>
/// The settings of the darkness baseline, as stored in its model file.
/// Probability = 1 / (1 + exp(-Steepness * (fraction - Threshold))), where fraction is the share of
/// the patch's pixels that are dark haematoxylin-like (<see cref="DarkPixels"/>).
/// </summary>
/// <param name="Threshold">The fraction of dark pixels that scores 0.5.</param>
/// <param name="Steepness">How fast the probability rises around the threshold, per unit of fraction.</param>
/// <param name="DarkLevel">A pixel is dark when its mean of R, G and B is below this.</param>
public sealed record DarknessModel(int PatchSize, double Threshold, double Steepness = DarknessModel.DefaultSteepness, int DarkLevel = DarknessModel.DefaultDarkLevel)
{
    public const string Kind = "darkness-baseline";
    public const double DefaultSteepness = 200;
    public const int DefaultDarkLevel = 140;

    public float Probability(float darkFraction) => (float)(1 / (1 + Math.Exp(-Steepness * (darkFraction - Threshold))));

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (PatchSize < 1) throw new ArgumentException($"patchSize must be at least 1, not {PatchSize}");
        if (!(Threshold is >= 0 and <= 1)) throw new ArgumentException($"threshold is a fraction of pixels in [0, 1], not {Threshold}");
        if (!(Steepness > 0) || double.IsInfinity(Steepness)) throw new ArgumentException($"steepness must be a positive number, not {Steepness}");
        if (DarkLevel is < 1 or > 256) throw new ArgumentException($"darkLevel must be in 1..256, not {DarkLevel}");
    }
}
