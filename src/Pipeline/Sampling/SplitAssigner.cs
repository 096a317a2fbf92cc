namespace TumorWeb.Pipeline.Sampling;

public sealed record SplitOptions(double ValidationFraction = 0.2, double TestFraction = 0.2, int Seed = 0);

/// <summary>
/// Puts whole slides into train / validation / test, so no slide's patches leak across splits.
/// Tumor and normal slides are split separately (stratified), each group keeps at least one
/// training slide, and the draw is deterministic for a seed.
/// </summary>
public static class SplitAssigner
{
    public static IReadOnlyDictionary<string, SlideSplit> Assign(
        IReadOnlyList<(string Name, bool IsTumorSlide)> slides, SplitOptions options)
    {
        var result = new Dictionary<string, SlideSplit>();
        foreach (var group in slides.GroupBy(s => s.IsTumorSlide))
        {
            var names = group.Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
            var shuffled = StableRandom.Choose(names, names.Count, StableRandom.For(options.Seed, "split", group.Key ? "tumor" : "normal"));
            var test = (int)Math.Round(names.Count * options.TestFraction, MidpointRounding.AwayFromZero);
            var validation = (int)Math.Round(names.Count * options.ValidationFraction, MidpointRounding.AwayFromZero);
            test = Math.Min(test, Math.Max(0, names.Count - 1));
            validation = Math.Min(validation, Math.Max(0, names.Count - 1 - test));
            for (var i = 0; i < shuffled.Count; i++)
                result[shuffled[i]] = i < test ? SlideSplit.Test : i < test + validation ? SlideSplit.Validation : SlideSplit.Train;
        }
        return result;
    }
}
