using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Runs;

/// <summary>
/// Which split each registered slide had in the extraction a model was trained on, so the evaluation
/// picker can mark the slides the model has seen. Slides are matched by content identity, or by path
/// for rows recorded before identities were.
/// </summary>
public static class ModelSlideSplits
{
    public static IReadOnlyDictionary<int, DataSplit> Of(IEnumerable<RegisteredSlide> slides, IReadOnlyCollection<RunSlide> extraction)
    {
        var byHash = extraction.Where(s => s.ContentHash is not null).GroupBy(s => s.ContentHash!).ToDictionary(g => g.Key, g => g.First().Split);
        var byPath = extraction.GroupBy(s => s.SlidePath).ToDictionary(g => g.Key, g => g.First().Split);
        var splits = new Dictionary<int, DataSplit>();
        foreach (var slide in slides)
        {
            if (slide.ContentHash is { } hash && byHash.TryGetValue(hash, out var split)) splits[slide.Id] = split;
            else if (byPath.TryGetValue(slide.SlidePath, out split)) splits[slide.Id] = split;
        }
        return splits;
    }

    /// <summary>The model learnt from (train) or was tuned on (validation) this slide.</summary>
    public static bool Seen(DataSplit? split) => split is DataSplit.Train or DataSplit.Validation;
}
