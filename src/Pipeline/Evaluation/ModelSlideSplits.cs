using TumorWeb.Data.Entities;

namespace TumorWeb.Pipeline.Evaluation;

/// <summary>
/// Which split a registered slide had in the extraction a model was trained on: the one rule the
/// evaluation picker and the also-used-for-training flag share. Slides are matched by content
/// identity, or by path for rows recorded before identities were.
/// </summary>
public static class ModelSlideSplits
{
    public static IReadOnlyDictionary<int, DataSplit> Of(IEnumerable<RegisteredSlide> slides, IReadOnlyCollection<RunSlide> extraction) =>
        slides.Select(s => (s.Id, Split: SplitOf(s.ContentHash, s.SlidePath, extraction)))
            .Where(s => s.Split is not null).ToDictionary(s => s.Id, s => s.Split!.Value);

    public static DataSplit? SplitOf(string? contentHash, string slidePath, IReadOnlyCollection<RunSlide> extraction)
    {
        var match = (contentHash is null ? null : extraction.FirstOrDefault(s => s.ContentHash == contentHash))
            ?? extraction.FirstOrDefault(s => s.SlidePath == slidePath);
        return match?.Split;
    }

    /// <summary>The model learnt from (train) or was tuned on (validation) this slide.</summary>
    public static bool Seen(DataSplit? split) => split is DataSplit.Train or DataSplit.Validation;
}
