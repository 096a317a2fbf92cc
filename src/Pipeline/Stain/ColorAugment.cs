namespace TumorWeb.Pipeline.Stain;

/// <summary>How strongly training patches' colours are jittered (<c>--color-augment</c>).</summary>
public enum ColorAugment
{
    None,
    Light,
    Strong,
}

public static class ColorAugments
{
    public static string Name(this ColorAugment level) => level.ToString().ToLowerInvariant();

    /// <exception cref="ArgumentException">Not none, light or strong.</exception>
    public static ColorAugment Parse(string name)
    {
        foreach (var level in Enum.GetValues<ColorAugment>())
            if (level.Name() == name.Trim().ToLowerInvariant()) return level;
        throw new ArgumentException($"colour augmentation must be none, light or strong (got {name})");
    }

    /// <summary>
    /// The jitter ranges: at strong, Liu et al. (2017)'s brightness ±64/255, saturation ±0.25, hue ±0.04,
    /// contrast ±0.75, and Tellez et al. (2018)'s HED scale 1 ± 0.05 and bias ± 0.05; light is half of each.
    /// </summary>
    public static ColorJitterRanges Ranges(this ColorAugment level) => level switch
    {
        ColorAugment.Strong => new ColorJitterRanges(64 / 255.0, 0.25, 0.04, 0.75, 0.05, 0.05),
        ColorAugment.Light => new ColorJitterRanges(32 / 255.0, 0.125, 0.02, 0.375, 0.025, 0.025),
        _ => new ColorJitterRanges(0, 0, 0, 0, 0, 0),
    };
}

/// <summary>Half-widths of the uniform draws of <see cref="ColorJitter"/>.</summary>
public sealed record ColorJitterRanges(double Brightness, double Saturation, double Hue, double Contrast, double StainScale, double StainBias);
