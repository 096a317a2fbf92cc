using System.Globalization;

namespace TumorWeb.Pipeline.Stain;

/// <summary>
/// The stains a model was trained on: the training slides' median haematoxylin and eosin colours,
/// the largest angle of any training slide's stain from them, and the span of the slides' stain
/// amounts (99th-percentile concentrations) and tissue lightness (L*). A scored slide far outside
/// it (<see cref="Check"/>) gets a warning: the model never saw such colours.
/// </summary>
public sealed record StainRange(
    StainVector Haematoxylin,
    StainVector Eosin,
    double HaematoxylinDegrees,
    double EosinDegrees,
    double MinHaematoxylin,
    double MaxHaematoxylin,
    double MinEosin,
    double MaxEosin,
    double MinLightness,
    double MaxLightness,
    int Slides)
{
    /// <summary>A stain colour this many degrees further from the median than any training slide's is out of range.</summary>
    public const double AngleMarginDegrees = 5;

    /// <summary>A stain amount this many times above the training maximum (or below the minimum) is out of range.</summary>
    public const double AmountFactor = 1.5;

    /// <summary>Tissue this much lighter or darker (L*, 0 to 100) than any training slide's is out of range.</summary>
    public const double LightnessMargin = 10;

    public const string Warning = "this slide's stain is outside what the model was trained on; its scores may not mean much";

    public static StainRange Of(IReadOnlyList<SlideStain> slides)
    {
        if (slides.Count == 0) throw new ArgumentException("no training slide's stain to take a range of");
        var median = SlideStain.Median(slides).Macenko;
        return new StainRange(median.Haematoxylin, median.Eosin,
            slides.Max(s => s.Macenko.Haematoxylin.DegreesTo(median.Haematoxylin)),
            slides.Max(s => s.Macenko.Eosin.DegreesTo(median.Eosin)),
            slides.Min(s => s.Macenko.MaxHaematoxylin), slides.Max(s => s.Macenko.MaxHaematoxylin),
            slides.Min(s => s.Macenko.MaxEosin), slides.Max(s => s.Macenko.MaxEosin),
            slides.Min(s => s.Reinhard.MeanL), slides.Max(s => s.Reinhard.MeanL),
            slides.Count);
    }

    /// <summary>Why <paramref name="slide"/>'s stain is out of this range: one phrase per measure that is, none when it lies within.</summary>
    public IReadOnlyList<string> Deviations(SlideStain slide)
    {
        var found = new List<string>();
        AngleBeyond("haematoxylin", slide.Macenko.Haematoxylin.DegreesTo(Haematoxylin), HaematoxylinDegrees, found);
        AngleBeyond("eosin", slide.Macenko.Eosin.DegreesTo(Eosin), EosinDegrees, found);
        AmountBeyond("haematoxylin", slide.Macenko.MaxHaematoxylin, MinHaematoxylin, MaxHaematoxylin, found);
        AmountBeyond("eosin", slide.Macenko.MaxEosin, MinEosin, MaxEosin, found);
        if (slide.Reinhard.MeanL < MinLightness - LightnessMargin || slide.Reinhard.MeanL > MaxLightness + LightnessMargin)
            found.Add($"tissue lightness L* {F(slide.Reinhard.MeanL)}, trained on {F(MinLightness)} to {F(MaxLightness)}");
        return found;
    }

    /// <summary>The warning for <paramref name="slide"/>, with its reasons; null when it lies within the range.</summary>
    public string? Check(SlideStain slide)
    {
        var deviations = Deviations(slide);
        return deviations.Count == 0 ? null : $"{Warning} ({string.Join("; ", deviations)})";
    }

    private static void AngleBeyond(string stain, double degrees, double trained, List<string> found)
    {
        if (degrees > trained + AngleMarginDegrees)
            found.Add($"{stain} colour {F(degrees)}° from the training slides' median, they lie within {F(trained)}°");
    }

    private static void AmountBeyond(string stain, double amount, double min, double max, List<string> found)
    {
        if (amount > max * AmountFactor || amount < min / AmountFactor)
            found.Add($"{stain} amount {F(amount)}, trained on {F(min)} to {F(max)}");
    }

    private static string F(double value) => value.ToString("0.0#", CultureInfo.InvariantCulture);
}
