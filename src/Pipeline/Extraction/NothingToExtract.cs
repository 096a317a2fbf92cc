using TumorWeb.Data.Entities;

namespace TumorWeb.Pipeline.Extraction;

/// <summary>
/// Why a run would produce no patch, with the fix, or null when it can produce some. A run that
/// yields nothing fails with this reason rather than completing empty.
/// </summary>
public static class NothingToExtract
{
    public static string? Reason(IReadOnlyCollection<RunSlide> readable, int tumorSlideThreshold)
    {
        if (readable.Count == 0) return "no slide of the dataset could be read";
        if (readable.Any(s => s.Role == SlideRole.Tumor)) return null;
        var most = readable.MaxBy(s => s.TumorCells)!;
        return $"no tumour slide: every slide has fewer than {tumorSlideThreshold} tumour cells " +
            $"(most: {most.TumorCells} in {most.Name}); lower --tumor-slide-threshold, or mark a slide as tumour";
    }

    public const string NoPatches = "no patch was sampled: the tumour slides have no tumour cell in the training split";
}
