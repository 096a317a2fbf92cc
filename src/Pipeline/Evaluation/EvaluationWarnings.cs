namespace TumorWeb.Pipeline.Evaluation;

/// <summary>Warnings that make an evaluation's numbers suspect.</summary>
public static class EvaluationWarnings
{
    /// <summary>
    /// One warning per evaluated slide that some model was trained on, matched by content identity
    /// (<see cref="Slides.SlideFingerprint"/>): a renamed copy of a training slide is flagged, and
    /// another lab's <c>tumor_001</c> is not. Only where either side has no identity (heatmaps or
    /// checkpoints written before identities were recorded) are names compared.
    /// </summary>
    public static IEnumerable<string> TrainedOn(IReadOnlyList<(string Name, string? Hash)> evaluatedSlides,
        IReadOnlyCollection<string> trainingNames, IReadOnlyCollection<string> trainingHashes)
    {
        var hashes = trainingHashes.ToHashSet(StringComparer.Ordinal);
        var byName = TrainedOn(evaluatedSlides.Where(s => s.Hash is null || hashes.Count == 0).Select(s => s.Name).ToList(), trainingNames).ToList();
        var byContent = evaluatedSlides.Where(s => s.Hash is not null && hashes.Contains(s.Hash)).Select(s => Warning(s.Name));
        return byContent.Concat(byName);
    }

    /// <summary>
    /// One warning per evaluated slide that some model was trained on, by name. Names are compared without
    /// folder and extension, ignoring case ("slides/Tumor_064.tif" matches "tumor_064").
    /// </summary>
    public static IEnumerable<string> TrainedOn(IReadOnlyList<string> evaluatedSlides, IEnumerable<string> trainingSlides)
    {
        var trained = trainingSlides.Select(SlideName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return evaluatedSlides.Where(slide => trained.Contains(SlideName(slide)))
            .Select(Warning);
    }

    /// <summary>A warning when the heatmaps come from more than one model.</summary>
    public static IEnumerable<string> MixedModels(IEnumerable<string> models)
    {
        var distinct = models.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (distinct.Count > 1)
            yield return $"the heatmaps come from {distinct.Count} models ({string.Join(", ", distinct)}): the numbers mix them";
    }

    /// <summary>The warnings scoring gave a slide (its stain outside the model's training range), each named with the slide.</summary>
    public static IEnumerable<string> OfHeatmap(string slide, IEnumerable<string>? warnings) =>
        (warnings ?? []).Select(warning => $"{slide}: {warning}");

    public static string NoGroundTruth(string slide) =>
        $"{slide} has no ground truth (no mask or annotations when its heatmap was made): left out of every measure";

    private static string Warning(string slide) =>
        $"{slide} was also used for training: its scores overstate how the model does on unseen slides";

    private static string SlideName(string nameOrPath) => Path.GetFileNameWithoutExtension(nameOrPath.Trim());
}
