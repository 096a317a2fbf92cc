namespace TumorWeb.Pipeline.Evaluation;

/// <summary>Slide-level ROC: does the slide contain tumor at all, ranked by its most confident cell.</summary>
public static class SlideAuc
{
    /// <summary>NaN when all slides are tumor slides or all are normal.</summary>
    public static RocCurve Curve(IReadOnlyList<SlideOutcome> slides) =>
        Roc.Curve(slides.Select(s => s.Score).ToArray(), slides.Select(s => s.HasTumor).ToArray());
}
