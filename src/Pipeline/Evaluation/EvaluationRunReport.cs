using TumorWeb.Data.Entities;

namespace TumorWeb.Pipeline.Evaluation;

/// <summary>What an evaluation run came to; its per-slide results and full report are in the catalog.</summary>
public sealed record EvaluationRunReport(int RunId, string OutputDirectory, RunStatus Status, int ScoredSlides, double? SlideAuc, double? FrocScore)
{
    /// <summary>The run's last progress line.</summary>
    public string Summary => SlideAuc is { } auc
        ? $"{Progress.Plural.Of(ScoredSlides, "slide")} scored; slide-level AUC {auc:0.000}"
        : $"{Progress.Plural.Of(ScoredSlides, "slide")} scored";
}
