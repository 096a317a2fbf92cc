using TumorWeb.Data.Entities;

namespace TumorWeb.Pipeline.Extraction;

/// <summary>
/// Balanced sampling promises each split about as many tumour as normal patches. These warnings say
/// where a run is far from that, and why, so a user sees it before training on the split.
/// </summary>
public static class SplitBalance
{
    /// <summary>The smaller class below this share of a split's patches is worth a warning.</summary>
    public const double MinorityShare = 0.4;

    public static IReadOnlyList<string> Warnings(IEnumerable<SlideReport> slides)
    {
        var usable = slides.Where(s => s.Status != SlideStatus.Failed).ToList();
        var warnings = new List<string>();
        foreach (var split in new[] { DataSplit.Train, DataSplit.Validation, DataSplit.Test })
        {
            var inSplit = usable.Where(s => s.Split == split).ToList();
            if (Warning(split, inSplit) is { } warning) warnings.Add(warning);
        }
        return warnings;
    }

    private static string? Warning(DataSplit split, IReadOnlyList<SlideReport> slides)
    {
        var name = Name(split);
        if (slides.Count == 0)
            return split == DataSplit.Validation ? $"{name}: no slide in this split: training will report no validation metrics" : null;
        var tumor = slides.Sum(s => s.TumorExtracted);
        var normal = slides.Sum(s => s.NormalExtracted);
        var total = tumor + normal;
        if (total > 0 && Math.Min(tumor, normal) >= MinorityShare * total) return null;
        return $"{name}: {tumor} tumour, {normal} normal: {Reason(slides, tumor, normal)}";
    }

    private static string Reason(IReadOnlyList<SlideReport> slides, int tumor, int normal)
    {
        if (tumor + normal == 0) return "no patch was sampled in this split";
        if (!slides.Any(s => s.Role == SlideRole.Tumor)) return "no tumour slide in this split";
        if (!slides.Any(s => s.Role == SlideRole.Normal)) return "no normal slide in this split";
        return tumor < normal ? "too few tumour cells to balance this split" : "too few normal cells to balance this split";
    }

    public static string Name(DataSplit split) => split switch
    {
        DataSplit.Train => "training",
        DataSplit.Validation => "validation",
        _ => "test",
    };
}
